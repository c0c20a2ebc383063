import JSONCore
import YAMLBridge

/// Turns `${resources.KIND.KEY.FIELD}` references into labelled dependency edges, checks that each names a
/// real resource and field, rejects cycles, and substitutes the references whose value the configuration
/// already holds (bundle-format.md §6).
struct ResourceReferenceGraph {
    private(set) var diagnostics = Diagnostics()
    private let paths = ReferencePathCache()
    /// The references already classified without a diagnostic, by path: what a reference resolves to depends only
    /// on its path (the resources do not change while references are collected), and bundles repeat a few.
    private var classified: [ReferencePath: ResourceReference] = [:]
    /// Config values found free of references, by path: substitution never changes them again.
    private var settled: [ReferencePath: YAMLNode] = [:]

    /// The resources with their references attached and config-known references substituted.
    mutating func resolve(_ resources: [Resource]) -> [Resource] {
        var table = ResourceTable(resources)
        for position in table.items.indices {
            let references = collect(in: table.items[position], all: table)
            table.items[position].references = references
        }
        let order = topologicalOrder(resources.map(\.key), table: table)
        for key in order {
            guard let position = table.index[key], !table.items[position].references.isEmpty,
                  let substituted = substitute(table.items[position].node, all: table) else { continue }
            table.items[position].node = substituted
        }
        return table.items
    }

    // MARK: - Collecting and classifying

    private mutating func collect(in resource: Resource, all: ResourceTable) -> [ResourceReference] {
        var found: [ResourceReference] = []
        var segments: [String] = []
        visitStrings(resource.node, segments: &segments) { text, location, fieldPath in
            for path in ReferenceScanner.references(in: text, cache: paths) where path.isResourceReference {
                if let reference = classify(path, at: location, fieldPath: fieldPath, from: resource, all: all) {
                    found.append(reference)
                }
            }
        }
        return found
    }

    private mutating func classify(_ path: ReferencePath, at location: SourceLocation, fieldPath: String,
                                   from resource: Resource, all: ResourceTable) -> ResourceReference? {
        if var known = classified[path] {
            known.location = location
            known.fieldPath = fieldPath
            return known
        }
        let segments = path.segments
        func errorPath() -> String { "\(resource.key.stateKey).\(fieldPath)" }
        guard segments.count >= 3 else {
            diagnostics.error("reference \(path) does not name a resource",
                              detail: "write ${resources.KIND.KEY.FIELD}", at: location, path: errorPath())
            return nil
        }
        guard let kind = ResourceKind(rawValue: segments[1]) else {
            let suggestion = Suggestion.phrase(for: segments[1], among: KindRegistry.all.map(\.kind.rawValue))
            let detail = suggestion.isEmpty
                ? "reconcile manages only \(ResourceBuilder.managedKindsPhrase)"
                : "unknown resource type \(segments[1])" + suggestion
            diagnostics.error("reference does not exist: \(path)", detail: detail, at: location, path: errorPath())
            return nil
        }
        let target = ResourceKey(kind, segments[2])
        guard let referenced = all.node(of: target) else {
            let keys = all.index.keys.filter { $0.kind == kind }.map(\.name)
            diagnostics.error("reference does not exist: \(path)",
                              detail: "no resource \(target.planLabel) is defined" + Suggestion.phrase(for: target.name, among: keys),
                              at: location, path: errorPath())
            return nil
        }
        let field = Array(segments.dropFirst(3))
        guard !field.isEmpty else {
            diagnostics.error("reference \(path) must name a field",
                              detail: "for example ${resources.\(kind.rawValue).\(target.name).name}", at: location, path: errorPath())
            return nil
        }
        guard let resolution = resolution(of: field, in: target, node: referenced, path: path, at: location, errorPath: errorPath) else {
            return nil
        }
        let reference = ResourceReference(target: target, field: field, label: path.description, resolution: resolution,
                                          location: location, fieldPath: fieldPath)
        classified[path] = reference
        return reference
    }

    private mutating func resolution(of field: [String], in target: ResourceKey, node: YAMLNode, path: ReferencePath,
                                     at location: SourceLocation, errorPath: () -> String) -> ReferenceResolution? {
        if field == ["id"] { return .id }
        let schema = target.kind.schema
        let names = field.filter { !$0.hasPrefix("[") }
        if let spec = ResourceSchema.lookup(names, in: schema.config) {
            if Self.value(at: field, in: node) != nil { return .config }
            if spec.access == .inOut { return .remote }
            diagnostics.error("\(path) refers to \(names.joined(separator: ".")), which is not set in \(target.planLabel)",
                              detail: "the server does not return \(names.joined(separator: ".")); set it in \(target.planLabel) or reference another field",
                              at: location, path: errorPath())
            return nil
        }
        if ResourceSchema.lookup(names, in: schema.output) != nil { return .remote }
        let candidates = (schema.config + schema.output).map(\.name) + ["id"]
        diagnostics.error("schema mismatch: \(target.kind.rawValue) has no field '\(names.joined(separator: "."))' (\(path))",
                          detail: "reference one of its fields" + Suggestion.phrase(for: names.first ?? "", among: candidates),
                          at: location, path: errorPath())
        return nil
    }

    // MARK: - Ordering and cycles

    private mutating func topologicalOrder(_ keys: [ResourceKey], table: ResourceTable) -> [ResourceKey] {
        var state: [ResourceKey: Int] = [:]  // 1 = visiting, 2 = done
        var order: [ResourceKey] = []
        var stack: [(key: ResourceKey, via: ResourceReference?)] = []
        var reported: Set<Set<ResourceKey>> = []

        func visit(_ key: ResourceKey, via: ResourceReference?) {
            if state[key] == 2 { return }
            if state[key] == 1 {
                reportCycle(closingAt: key, via: via, stack: stack, reported: &reported)
                return
            }
            state[key] = 1
            stack.append((key, via))
            for reference in table.index[key].map({ table.items[$0].references }) ?? [] { visit(reference.target, via: reference) }
            stack.removeLast()
            state[key] = 2
            order.append(key)
        }
        for key in keys { visit(key, via: nil) }
        return order
    }

    private mutating func reportCycle(closingAt key: ResourceKey, via closing: ResourceReference?,
                                      stack: [(key: ResourceKey, via: ResourceReference?)],
                                      reported: inout Set<Set<ResourceKey>>) {
        guard let closing, let start = stack.lastIndex(where: { $0.key == key }) else { return }
        let members = Array(stack[start...])
        let memberSet = Set(members.map(\.key))
        guard !reported.contains(memberSet) else { return }
        reported.insert(memberSet)
        let first = members[0].key
        let message: String
        if members.count == 1 {
            message = "cycle detected: \(first.planLabel) refers to itself via \(closing.label)"
        } else {
            var parts = ["\(first.planLabel) refers to \(members[1].key.planLabel) via \(members[1].via?.label ?? "")"]
            for index in 1..<members.count {
                let next = index + 1 < members.count ? members[index + 1] : (key, closing)
                parts.append("which refers to \(next.0.planLabel) via \(next.1?.label ?? "")")
            }
            message = "cycle detected: " + parts.joined(separator: " ")
        }
        let location = members.count > 1 ? members[1].via?.location ?? closing.location : closing.location
        diagnostics.error(message, detail: "remove one of these references; resources cannot depend on each other in a circle",
                          at: location, path: first.stateKey)
    }

    // MARK: - Substitution

    /// The node with its config-known references substituted, or nil when nothing in it changes (unchanged
    /// subtrees are shared, not rebuilt).
    private mutating func substitute(_ node: YAMLNode, all: ResourceTable) -> YAMLNode? {
        switch node.kind {
        case .mapping(let pairs):
            var changed: [YAMLPair]?
            for index in pairs.indices {
                guard let value = substitute(pairs[index].value, all: all) else { continue }
                if changed == nil { changed = pairs }
                changed?[index].value = value
            }
            return changed.map { YAMLNode(.mapping($0), at: node.location) }
        case .sequence(let items):
            var changed: [YAMLNode]?
            for index in items.indices {
                guard let value = substitute(items[index], all: all) else { continue }
                if changed == nil { changed = items }
                changed?[index] = value
            }
            return changed.map { YAMLNode(.sequence($0), at: node.location) }
        case .scalar(let scalar):
            guard ReferenceScanner.openingIndex(in: Substring(scalar.value)) != nil, let text = node.stringValue else { return nil }
            let tokens = ReferenceScanner.tokens(text, cache: paths)
            if tokens.count == 1, case .reference(let path) = tokens[0] {
                guard var value = configValue(path, all: all) else { return nil }
                value.location = node.location
                return value
            }
            var out = ""
            for token in tokens {
                switch token {
                case .literal(let literal): out += literal
                case .reference(let path):
                    if let scalar = configValue(path, all: all)?.scalar {
                        out += ConfigResolver.text(of: scalar)
                    } else {
                        out += path.description
                    }
                }
            }
            return out == text ? nil : .string(out, at: node.location)
        }
    }

    /// The referenced value when the configuration already holds it, fully resolved. Every resource reference of
    /// the bundle was classified before substitution starts, so the path alone says what it refers to.
    private mutating func configValue(_ path: ReferencePath, all: ResourceTable) -> YAMLNode? {
        if let value = settled[path] { return value }
        guard let reference = classified[path], reference.resolution == .config,
              let target = all.node(of: reference.target),
              let value = Self.value(at: reference.field, in: target),
              !Self.containsReference(value) else { return nil }
        settled[path] = value
        return value
    }

    private static func containsReference(_ node: YAMLNode) -> Bool {
        switch node.kind {
        case .scalar: return node.stringValue.map(ReferenceScanner.containsReference) ?? false
        case .sequence(let items): return items.contains(where: containsReference)
        case .mapping(let pairs): return pairs.contains { containsReference($0.value) }
        }
    }

    static func value(at field: [String], in node: YAMLNode) -> YAMLNode? {
        var current = node
        for segment in field {
            if segment.hasPrefix("["), let index = Int(segment.dropFirst().dropLast()) {
                guard let items = current.items, items.indices.contains(index) else { return nil }
                current = items[index]
            } else {
                guard let child = current[segment] else { return nil }
                current = child
            }
        }
        return current
    }

    /// Calls `body` with each string that holds `${`, its location and its field path. The path is only
    /// spelled out for those strings; `segments` is the walk so far (`spec`, `.keys`, `[0]`).
    private func visitStrings(_ node: YAMLNode, segments: inout [String],
                              _ body: (String, SourceLocation, String) -> Void) {
        switch node.kind {
        case .scalar(let scalar):
            guard ReferenceScanner.openingIndex(in: Substring(scalar.value)) != nil, let text = node.stringValue else { return }
            body(text, node.location, segments.joined())
        case .sequence(let items):
            for (index, item) in items.enumerated() {
                segments.append("[\(index)]")
                visitStrings(item, segments: &segments, body)
                segments.removeLast()
            }
        case .mapping(let pairs):
            for pair in pairs {
                segments.append(segments.isEmpty ? pair.key : "." + pair.key)
                visitStrings(pair.value, segments: &segments, body)
                segments.removeLast()
            }
        }
    }
}

/// The bundle's resources in their order, with an index by key; the graph reads one field of a resource without
/// copying the whole resource.
private struct ResourceTable {
    var items: [Resource]
    let index: [ResourceKey: Int]

    init(_ resources: [Resource]) {
        items = resources
        index = Dictionary(resources.indices.map { (resources[$0].key, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The configured body of the resource `key`, or nil when the bundle has none.
    func node(of key: ResourceKey) -> YAMLNode? {
        index[key].map { items[$0].node }
    }
}
