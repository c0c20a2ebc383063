import JSONCore
import YAMLBridge

/// Resolves load-time references (`${var.*}`, `${bundle.*}`, `${workspace.*}`, any other configuration
/// path) throughout the configuration. `${resources.*}` references are left for the reference graph, and
/// `${workspace.current_user.*}` stays unresolved when no identity is known.
struct ConfigResolver {
    private let root: YAMLNode
    private let variables: [String: VariableValue]
    private let currentUserKnown: Bool
    private var memo: [[String]: YAMLNode?] = [:]
    private var inProgress: [[String]] = []
    private let paths = ReferencePathCache()
    private(set) var diagnostics = Diagnostics()
    /// Variables without a value that some value references.
    private(set) var usedMissingVariables: Set<String> = []
    /// `${workspace.current_user.*}` references left unresolved, with where they were first used.
    private(set) var deferredIdentityReferences: [String: SourceLocation] = [:]

    init(root: YAMLNode, variables: [String: VariableValue], currentUserKnown: Bool) {
        self.root = root
        self.variables = variables
        self.currentUserKnown = currentUserKnown
    }

    /// The whole configuration with every resolvable reference substituted.
    mutating func resolveAll() -> YAMLNode { resolved(root, at: []) ?? root }

    /// The node with its references substituted, or nil when nothing in it changes. Unchanged subtrees are
    /// shared, not rebuilt, and scalars without `${` are passed over without a memo entry: most of a bundle
    /// holds no reference.
    private mutating func resolved(_ node: YAMLNode, at path: [String]) -> YAMLNode? {
        switch node.kind {
        case .mapping(let pairs):
            var changed: [YAMLPair]?
            for index in pairs.indices where Self.mayReference(pairs[index].value) {
                let pair = pairs[index]
                guard let value = resolvedValue(at: path + [pair.key], raw: pair.value) else { continue }
                if changed == nil { changed = pairs }
                changed?[index].value = value
            }
            return changed.map { YAMLNode(.mapping($0), at: node.location) }
        case .sequence(let items):
            var changed: [YAMLNode]?
            for index in items.indices where Self.mayReference(items[index]) {
                guard let value = resolvedValue(at: path + ["[\(index)]"], raw: items[index]) else { continue }
                if changed == nil { changed = items }
                changed?[index] = value
            }
            return changed.map { YAMLNode(.sequence($0), at: node.location) }
        case .scalar(let scalar):
            guard ReferenceScanner.openingIndex(in: Substring(scalar.value)) != nil,
                  case .string(let text) = scalar.resolved else { return nil }
            return interpolate(text, node: node, path: path)
        }
    }

    /// False for a scalar that holds no `${`, which cannot change.
    private static func mayReference(_ node: YAMLNode) -> Bool {
        guard case .scalar(let scalar) = node.kind else { return true }
        return ReferenceScanner.openingIndex(in: Substring(scalar.value)) != nil
    }

    /// The resolved value at `path` (nil when it is `raw` unchanged), memoized, with cycle detection.
    private mutating func resolvedValue(at path: [String], raw: YAMLNode) -> YAMLNode? {
        // Nothing under `resources` is ever looked up (`${resources.*}` is left to the reference graph), so its
        // values are resolved once, by the walk, and cannot be part of a cycle: no memo entry, no hashing.
        if path.first == "resources" { return resolved(raw, at: path) }
        if let done = memo[path] { return done }
        if let start = inProgress.firstIndex(of: path) {
            let chain = (inProgress[start...] + [path]).map { ReferencePath($0).dotted }.joined(separator: " -> ")
            diagnostics.error("cycle detected in field resolution: \(chain)",
                              detail: "break the cycle by giving one of these values without a reference",
                              at: raw.location, path: ReferencePath(path).dotted)
            return nil
        }
        inProgress.append(path)
        let value = resolved(raw, at: path)
        inProgress.removeLast()
        memo[path] = .some(value)
        return value
    }

    /// The node with the references of `text` substituted, or nil when every one stays as written (most often:
    /// they all name resources), so the node and the subtrees holding it are shared, not rebuilt.
    private mutating func interpolate(_ text: String, node: YAMLNode, path: [String]) -> YAMLNode? {
        let tokens = ReferenceScanner.tokens(text, cache: paths)
        if tokens.count == 1, case .reference(let reference) = tokens[0] {
            guard let value = lookup(reference, usedAt: node.location, from: path) else { return nil }
            var relocated = value
            relocated.location = node.location
            return relocated
        }
        var out = ""
        for token in tokens {
            switch token {
            case .literal(let literal):
                out += literal
            case .reference(let reference):
                guard let value = lookup(reference, usedAt: node.location, from: path) else {
                    out += reference.description
                    continue
                }
                guard let scalar = value.scalar else {
                    diagnostics.error("cannot interpolate a \(value.kindName) into a string: \(reference)",
                                      detail: "use the reference as the whole value, or reference one of its fields",
                                      at: node.location, path: ReferencePath(path).dotted)
                    out += reference.description
                    continue
                }
                out += Self.text(of: scalar)
            }
        }
        return out == text ? nil : .string(out, at: node.location)
    }

    /// The resolved node a reference points at; nil when it must stay as written (deferred or an error).
    private mutating func lookup(_ reference: ReferencePath, usedAt location: SourceLocation, from path: [String]) -> YAMLNode? {
        let target = reference.expandingVarAlias
        let segments = target.segments
        if target.isResourceReference { return nil }
        if Array(segments.prefix(2)) == ["workspace", "current_user"], !currentUserKnown {
            let key = reference.description
            if deferredIdentityReferences[key] == nil { deferredIdentityReferences[key] = location }
            return nil
        }
        if segments.first == "variables", segments.count >= 2 {
            guard let variable = variables[segments[1]] else {
                diagnostics.error("reference does not exist: \(reference)",
                                  detail: "no variable \(segments[1]) is declared"
                                    + Suggestion.phrase(for: segments[1], among: variables.keys.sorted()),
                                  at: location, path: ReferencePath(path).dotted)
                return nil
            }
            if variable.value == nil, segments.count >= 3, segments[2] == "value" {
                usedMissingVariables.insert(segments[1])
                diagnostics.error(Self.missingValueMessage(segments[1]),
                                  detail: Self.missingValueDetail(segments[1], definedAt: variable.definition),
                                  at: location, path: ReferencePath(path).dotted)
                return nil
            }
        }
        var node = root
        var walked: [String] = []
        for segment in segments {
            if let scalar = node.scalar, case .string(let s) = scalar.resolved, ReferenceScanner.openingIndex(in: Substring(s)) != nil {
                node = resolvedValue(at: walked, raw: node) ?? node
            }
            guard let child = Self.child(of: node, segment) else {
                diagnostics.error("reference does not exist: \(reference)",
                                  detail: "check the spelling of \(reference.dotted)",
                                  at: location, path: ReferencePath(path).dotted)
                return nil
            }
            walked.append(segment)
            node = child
        }
        return resolvedValue(at: walked, raw: node) ?? node
    }

    private static func child(of node: YAMLNode, _ segment: String) -> YAMLNode? {
        if segment.hasPrefix("["), let index = Int(segment.dropFirst().dropLast()) {
            guard let items = node.items, items.indices.contains(index) else { return nil }
            return items[index]
        }
        return node[segment]
    }

    /// A scalar as text when substituted into a string: bools `true`/`false`, numbers in decimal, null empty.
    static func text(of scalar: YAMLScalar) -> String {
        switch scalar.resolved {
        case .null: return ""
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .float(let f): return f == f.rounded() && abs(f) < 1e15 ? String(Int64(f)) : "\(f)"
        case .string(let s): return s
        }
    }

    static func missingValueMessage(_ name: String) -> String {
        "no value assigned to required variable \(name)"
    }

    static func missingValueDetail(_ name: String, definedAt location: SourceLocation) -> String {
        """
        variable \(name) is declared at \(location) without a default
        assign it in databricks.yml, or override it with --var "\(name)=VALUE", the BUNDLE_VAR_\(name) environment variable, or .databricks/bundle/<target>/variable-overrides.json
        """
    }
}
