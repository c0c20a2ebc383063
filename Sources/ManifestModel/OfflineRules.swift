import JSONCore
import YAMLBridge

/// Rules checked without a workspace (issue 2 §3): each kind's own (`KindSpec.offlineChecks`) and the checks they
/// share: names the platform rejects, exclusive fields, ranges.
/// Values that still hold references are checked once they resolve (at plan time).
enum OfflineRules {
    /// The kind's own checks, then those every kind with `permissions` shares.
    static func check(_ resource: Resource, diagnostics: inout Diagnostics) {
        let spec = resource.key.kind.spec
        spec.offlineChecks(resource, &diagnostics)
        if spec.permissions != nil {
            checkPermissions(resource.node["permissions"], base: resource.key.stateKey, diagnostics: &diagnostics)
        }
    }

    /// The text of a scalar without references, or nil.
    static func resolvedText(_ node: YAMLNode) -> String? {
        guard let text = node.stringValue, !ReferenceScanner.containsReference(text) else { return nil }
        return text
    }

    /// A Provisioned instance name: 1-63 letters, digits and hyphens.
    static func checkInstanceName(_ name: String, node: YAMLNode, path: String, diagnostics: inout Diagnostics) {
        let valid = (1...63).contains(name.count) && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        guard !valid else { return }
        let fixed = String(name.map { $0 == "_" ? "-" : $0 }.prefix(63))
        let why = name.contains("_") ? "underscores are rejected by the platform" : "use 1-63 letters, digits and hyphens"
        diagnostics.error("invalid database instance name '\(name)': \(why)",
                          detail: "instance names are 1-63 letters, digits and hyphens; for example '\(fixed)'",
                          at: node.location, path: path)
    }

    /// A `catalog.schema.table` name: three parts, none empty (`path` is spelled out only for a diagnostic).
    static func checkThreeParts(_ text: String, node: YAMLNode, what: String, example: String, path: @autoclosure () -> String,
                                        diagnostics: inout Diagnostics) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count != 3 || parts.contains(where: \.isEmpty) else { return }
        diagnostics.error("\(what) '\(text)' must have three parts: catalog.schema.table",
                          detail: "for example \(example)", at: node.location, path: path())
    }

    /// An id the Autoscaling API accepts: `length` lowercase letters, digits and hyphens, starting with a letter and
    /// not ending with a hyphen.
    static func checkLowercaseID(_ node: YAMLNode?, field: String, length: ClosedRange<Int>, base: String,
                                 diagnostics: inout Diagnostics) {
        guard let node, let text = resolvedText(node) else { return }
        let characters = Array(text)
        let valid = length.contains(characters.count) && characters.first.map { $0.isASCII && $0.isLowercase } == true
            && characters.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") } && characters.last != "-"
        guard !valid else { return }
        let suggestion = String(text.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" })
        diagnostics.error("invalid \(field) '\(text)': use \(length.lowerBound)-\(length.upperBound) lowercase letters, digits and hyphens, starting with a letter",
                          detail: "for example '\(suggestion)'", at: node.location, path: "\(base).\(field)")
    }

    /// At most one of `fields` is set.
    static func checkExclusive(_ fields: [String], in node: YAMLNode, base: String, diagnostics: inout Diagnostics) {
        let set = fields.compactMap { node.pair($0) }.filter { $0.value.scalarValue != .bool(false) }
        guard set.count > 1, let second = set.dropFirst().first else { return }
        diagnostics.error("\(set.map(\.key).joined(separator: ", ")) are mutually exclusive",
                          detail: "keep one of \(fields.joined(separator: ", "))", at: second.keyLocation, path: "\(base).\(second.key)")
    }

    /// A number, when the field holds one.
    static func number(_ node: YAMLNode?) -> Double? {
        switch node?.scalarValue {
        case .int(let value)?: Double(value)
        case .float(let value)?: value
        default: nil
        }
    }

    /// Autoscaling limits and suspension (autoscaling-api.md §1.4): min ≥ 0.5, max ≤ 64, max − min ≤ 16,
    /// min ≤ max, suspend 60 s – 7 days, not together with `no_suspension`.
    static func checkComputeLimits(_ node: YAMLNode, base: String, diagnostics: inout Diagnostics) {
        let minimum = number(node["autoscaling_limit_min_cu"]), maximum = number(node["autoscaling_limit_max_cu"])
        func fail(_ field: String, _ message: String, _ fix: String) {
            diagnostics.error(message, detail: fix, at: node[field]?.location ?? node.location, path: "\(base).\(field)")
        }
        func text(_ value: Double) -> String { value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value) }
        if let minimum, minimum < 0.5 {
            fail("autoscaling_limit_min_cu", "autoscaling_limit_min_cu is \(text(minimum)); the smallest is 0.5 CU", "set it to 0.5 or more")
        }
        if let maximum, maximum > 64 {
            fail("autoscaling_limit_max_cu", "autoscaling_limit_max_cu is \(text(maximum)); the largest is 64 CU", "set it to 64 or less")
        }
        if let minimum, let maximum {
            if minimum > maximum {
                fail("autoscaling_limit_min_cu", "autoscaling_limit_min_cu (\(text(minimum))) is above autoscaling_limit_max_cu (\(text(maximum)))",
                     "make the minimum at most the maximum")
            } else if maximum - minimum > 16 {
                fail("autoscaling_limit_max_cu", "autoscaling_limit_max_cu - autoscaling_limit_min_cu is \(text(maximum - minimum)); at most 16 CU apart",
                     "raise the minimum or lower the maximum")
            }
        }
        if let suspend = node["suspend_timeout_duration"], let text = resolvedText(suspend),
           let seconds = DurationText.seconds(of: text), !(60...604_800).contains(seconds) {
            fail("suspend_timeout_duration", "suspend_timeout_duration is \(text); it must be between 60s and 604800s (7 days)",
                 "choose a value in that range, or no_suspension: true")
        }
        checkExclusive(["suspend_timeout_duration", "no_suspension"], in: node, base: base, diagnostics: &diagnostics)
    }

    /// An integer within `range`.
    static func checkRange(_ node: YAMLNode?, _ range: ClosedRange<Int64>, field: String, base: String,
                                   diagnostics: inout Diagnostics) {
        guard let node, case .int(let value)? = node.scalarValue, !range.contains(value) else { return }
        let bounds = range.upperBound == Int64.max ? "at least \(range.lowerBound)" : "between \(range.lowerBound) and \(range.upperBound)"
        diagnostics.error("\(field) is \(value); it must be \(bounds)", detail: "change \(field) to a value \(bounds)",
                          at: node.location, path: "\(base).\(field)")
    }

    private static func checkPermissions(_ node: YAMLNode?, base: String, diagnostics: inout Diagnostics) {
        for (index, entry) in (node?.items ?? []).enumerated() {
            let set = ResourceSchema.principalFields.filter { entry[$0] != nil }
            guard set.count != 1 else { continue }
            diagnostics.error(set.isEmpty ? "permission entry names no principal" : "permission entry names several principals (\(set.joined(separator: ", ")))",
                              detail: "set exactly one of user_name, group_name, service_principal_name",
                              at: entry.location, path: "\(base).permissions[\(index)]")
        }
    }
}
