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

    /// A `catalog.schema.table` name.
    static func checkThreeParts(_ text: String, node: YAMLNode, what: String, example: String, path: String,
                                        diagnostics: inout Diagnostics) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count != 3 || parts.contains(where: \.isEmpty) else { return }
        diagnostics.error("\(what) '\(text)' must have three parts: catalog.schema.table",
                          detail: "for example \(example)", at: node.location, path: path)
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
