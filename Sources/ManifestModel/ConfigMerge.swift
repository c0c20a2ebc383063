import JSONCore
import YAMLBridge

/// The Databricks CLI's generic configuration merge (includes and targets): maps merge key by key, the
/// override wins on scalars, sequences concatenate, a null override keeps the base.
enum ConfigMerge {
    /// `base` with `override` merged in; a map meeting a non-map (or a sequence a non-sequence) is an error.
    static func merge(_ base: YAMLNode, _ override: YAMLNode, path: String, diagnostics: inout Diagnostics) -> YAMLNode {
        if override.isNull { return base }
        if base.isNull { return override }
        switch (base.kind, override.kind) {
        case (.mapping(let basePairs), .mapping(let overridePairs)):
            var pairs = basePairs
            // Where each key first appears, for big maps: merging many included files into one `resources` map
            // stays linear (a search per key made it quadratic in the number of resources); small maps search.
            let indexed = basePairs.count * overridePairs.count > 256
            var positions: [String: Int] = indexed
                ? Dictionary(basePairs.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first }) : [:]
            for pair in overridePairs {
                let childPath = path.isEmpty ? pair.key : "\(path).\(pair.key)"
                let found = indexed ? positions[pair.key] : pairs.firstIndex { $0.key == pair.key }
                if let index = found {
                    pairs[index].value = merge(pairs[index].value, pair.value, path: childPath, diagnostics: &diagnostics)
                } else {
                    if indexed { positions[pair.key] = pairs.count }
                    pairs.append(pair)
                }
            }
            return YAMLNode(.mapping(pairs), at: base.location)
        case (.sequence(let baseItems), .sequence(let overrideItems)):
            return YAMLNode(.sequence(baseItems + overrideItems), at: base.location)
        case (.scalar, .scalar):
            return override
        default:
            diagnostics.error(
                "cannot merge \(base.kindName) with \(override.kindName)",
                detail: "\(path) is a \(base.kindName) at \(base.location); write the same shape in both places",
                at: override.location, path: path)
            return base
        }
    }
}

extension YAMLNode {
    /// A copy of a mapping node with `key` set to `value` (replacing or appending).
    func setting(_ key: String, to value: YAMLNode) -> YAMLNode {
        var pairs = self.pairs ?? []
        if let index = pairs.firstIndex(where: { $0.key == key }) {
            pairs[index].value = value
        } else {
            pairs.append(YAMLPair(key: key, keyLocation: value.location, value: value))
        }
        return YAMLNode(.mapping(pairs), at: location)
    }

    /// A copy of a mapping node without `key`.
    func removing(_ key: String) -> YAMLNode {
        YAMLNode(.mapping((pairs ?? []).filter { $0.key != key }), at: location)
    }
}
