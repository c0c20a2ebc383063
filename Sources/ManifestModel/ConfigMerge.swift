import JSONCore
import YAMLBridge

/// The Databricks CLI's generic configuration merge (includes and targets): maps merge key by key, the
/// override wins on scalars, sequences concatenate, a null override keeps the base.
enum ConfigMerge {
    /// `base` with `override` merged in; a map meeting a non-map (or a sequence a non-sequence) is an error.
    static func merge(_ base: YAMLNode, _ override: YAMLNode, path: String, diagnostics: inout Diagnostics) -> YAMLNode {
        merge(base, [override], path: path, diagnostics: &diagnostics)
    }

    /// `base` with each of `overrides` merged in, in order: the same result and diagnostics as merging them one at a
    /// time, but a run of maps is merged into a map in one pass, so merging many included files into one `resources`
    /// map copies and indexes it once instead of once per file.
    static func merge(_ base: YAMLNode, _ overrides: [YAMLNode], path: String, diagnostics: inout Diagnostics) -> YAMLNode {
        var merged = base
        var next = 0
        while next < overrides.count {
            if merged.pairs != nil, !merged.isNull, overrides[next].pairs != nil || overrides[next].isNull {
                var maps: [YAMLNode] = []
                while next < overrides.count, overrides[next].pairs != nil || overrides[next].isNull {
                    if !overrides[next].isNull { maps.append(overrides[next]) }
                    next += 1
                }
                merged = mergeMaps(merged, maps, path: path, diagnostics: &diagnostics)
            } else {
                merged = mergeOne(merged, overrides[next], path: path, diagnostics: &diagnostics)
                next += 1
            }
        }
        return merged
    }

    /// One override merged into `base`, for every pair of shapes but map into map.
    private static func mergeOne(_ base: YAMLNode, _ override: YAMLNode, path: String, diagnostics: inout Diagnostics) -> YAMLNode {
        if override.isNull { return base }
        if base.isNull { return override }
        switch (base.kind, override.kind) {
        case (.mapping, .mapping):
            return mergeMaps(base, [override], path: path, diagnostics: &diagnostics)
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

    /// Maps merged key by key: a key new to the map is appended where it first appears, and every later value of a key
    /// is merged into its first one, in order.
    private static func mergeMaps(_ base: YAMLNode, _ overrides: [YAMLNode], path: String, diagnostics: inout Diagnostics) -> YAMLNode {
        var pairs = base.pairs ?? []
        let incoming = overrides.reduce(0) { $0 + ($1.pairs?.count ?? 0) }
        // Where each key first appears, for big maps: merging many included files into one `resources` map stays
        // linear (a search per key made it quadratic in the number of resources); small maps search.
        let indexed = pairs.count * incoming > 256 || incoming > 64
        var positions: [String: Int] = indexed
            ? Dictionary(pairs.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first }) : [:]
        var later: [Int: [YAMLNode]] = [:]
        for override in overrides {
            for pair in override.pairs ?? [] {
                if let index = indexed ? positions[pair.key] : pairs.firstIndex(where: { $0.key == pair.key }) {
                    later[index, default: []].append(pair.value)
                } else {
                    if indexed { positions[pair.key] = pairs.count }
                    pairs.append(pair)
                }
            }
        }
        for index in later.keys.sorted() {
            let key = pairs[index].key
            pairs[index].value = merge(pairs[index].value, later[index] ?? [], path: path.isEmpty ? key : "\(path).\(key)",
                                       diagnostics: &diagnostics)
        }
        return YAMLNode(.mapping(pairs), at: base.location)
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
