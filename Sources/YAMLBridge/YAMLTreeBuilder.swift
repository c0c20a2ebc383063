/// Builds the node tree from libyaml events: resolves anchors and aliases, applies merge keys, and
/// reports duplicate keys, extra documents and bad tags with their locations.
struct YAMLTreeBuilder {
    private let reader: LibYAMLEventReader
    private let text: String
    private var anchors: [String: Built] = [:]
    private var anchorsInProgress: Set<String> = []
    private var expandedNodes = 0
    private var depth = 0

    /// A built node with its size in nodes and its height in levels of sequences and mappings.
    private typealias Built = (node: YAMLNode, size: Int, height: Int)

    init(reader: LibYAMLEventReader, text: String) {
        self.reader = reader
        self.text = text
    }

    mutating func buildDocument() throws(YAMLError) -> YAMLNode? {
        guard case .streamStart = try reader.next() else { return nil }
        guard case .documentStart = try reader.next() else { return nil }
        let root = try buildNode(try reader.next()).node
        _ = try reader.next()  // document end
        if case .documentStart(let location) = try reader.next() {
            throw error(
                at: location,
                "a manifest file holds one YAML document; found a second document",
                context: "remove the '---' separator or move the document to its own file")
        }
        if case .scalar(let s) = root.kind, s.style == .plain, s.tag == nil, s.value.isEmpty { return nil }
        return root
    }

    /// Builds the node that starts with `event`; returns it with its size in nodes.
    private mutating func buildNode(_ event: YAMLEvent) throws(YAMLError) -> Built {
        switch event {
        case .alias(let anchor, let location):
            return try resolveAlias(anchor, at: location)
        case .scalar(let scalar, let anchor, let location):
            guard scalar.tagIsApplicable else {
                throw error(at: location, "cannot read '\(scalar.value)' as \(scalar.tag ?? "")",
                            context: "remove the tag or change the value")
            }
            return register(anchor, (YAMLNode(.scalar(scalar), at: location), 1, 0))
        case .sequenceStart(let anchor, let tag, let location):
            try checkCollectionTag(tag, expected: YAMLTag.seq, at: location)
            try enter(at: location)
            defer { depth -= 1 }
            begin(anchor)
            let built = try buildSequence(at: location)
            return register(anchor, built)
        case .mappingStart(let anchor, let tag, let location):
            try checkCollectionTag(tag, expected: YAMLTag.map, at: location)
            try enter(at: location)
            defer { depth -= 1 }
            begin(anchor)
            let built = try buildMapping(at: location)
            return register(anchor, built)
        default:
            throw error(at: SourceLocation(file: "", line: 1, column: 1), "unexpected YAML event")
        }
    }

    private mutating func buildSequence(at location: SourceLocation) throws(YAMLError) -> Built {
        var items: [YAMLNode] = []
        var size = 1
        var height = 1
        while true {
            let event = try reader.next()
            if case .sequenceEnd = event { break }
            let item = try buildNode(event)
            items.append(item.node)
            size += item.size
            height = max(height, item.height + 1)
        }
        return (YAMLNode(.sequence(items), at: location), size, height)
    }

    private mutating func buildMapping(at location: SourceLocation) throws(YAMLError) -> Built {
        var explicit: [YAMLPair] = []
        var firstSeen: [String: SourceLocation] = [:]
        var mergeSources: [YAMLNode] = []
        var mergeIndex: Int?
        var mergeKeyLocation: SourceLocation?
        var size = 1
        var height = 1
        while true {
            let keyEvent = try reader.next()
            if case .mappingEnd = keyEvent { break }
            let keyNode = try buildNode(keyEvent).node
            guard let keyScalar = keyNode.scalar else {
                throw error(at: keyNode.location, "invalid key: mapping keys must be scalars",
                            context: "write the key as plain text")
            }
            let value = try buildNode(try reader.next())
            size += value.size + 1
            height = max(height, value.height + 1)
            if isMergeKey(keyScalar) {
                if let first = mergeKeyLocation {
                    throw error(at: keyNode.location, "duplicate YAML merge key ('<<') is not allowed",
                                context: "first merge key at \(first); list several anchors as <<: [*a, *b]")
                }
                mergeKeyLocation = keyNode.location
                mergeIndex = explicit.count
                mergeSources = try mergeSourceMaps(value.node)
                continue
            }
            let key = keyScalar.value
            if let first = firstSeen[key] {
                throw error(at: keyNode.location, "duplicate key '\(key)'",
                            context: "first defined at \(first); YAML keys must be unique, remove one of them")
            }
            firstSeen[key] = keyNode.location
            explicit.append(YAMLPair(key: key, keyLocation: keyNode.location, value: value.node))
        }
        if let mergeIndex {
            var merged: [YAMLPair] = []
            for source in mergeSources {
                for pair in source.pairs ?? [] where firstSeen[pair.key] == nil {
                    firstSeen[pair.key] = pair.keyLocation
                    merged.append(pair)
                }
            }
            explicit.insert(contentsOf: merged, at: mergeIndex)
        }
        return (YAMLNode(.mapping(explicit), at: location), size, height)
    }

    private func isMergeKey(_ scalar: YAMLScalar) -> Bool {
        scalar.value == "<<" && ((scalar.style == .plain && scalar.tag == nil) || scalar.tag == YAMLTag.merge)
    }

    private func mergeSourceMaps(_ value: YAMLNode) throws(YAMLError) -> [YAMLNode] {
        switch value.kind {
        case .mapping: return [value]
        case .sequence(let items):
            for item in items where item.pairs == nil {
                throw error(at: item.location, "merge key ('<<') list entries must be maps",
                            context: "use <<: [*a, *b] where each anchor names a map")
            }
            return items
        case .scalar:
            throw error(at: value.location, "merge key ('<<') value must be a map or a sequence of maps",
                        context: "use <<: *anchor")
        }
    }

    private mutating func resolveAlias(_ anchor: String, at location: SourceLocation) throws(YAMLError) -> Built {
        if anchorsInProgress.contains(anchor) {
            throw error(at: location, "cyclic alias '*\(anchor)' refers to the node that contains it")
        }
        guard let target = anchors[anchor] else {
            throw error(at: location, "unknown anchor '\(anchor)'", context: "define it with &\(anchor) before this alias")
        }
        if depth + target.height > YAMLParser.maxDepth {
            throw error(at: location, "alias '*\(anchor)' nests sequences and mappings more than \(YAMLParser.maxDepth) levels deep",
                        context: "a manifest needs a few levels; flatten the structure")
        }
        expandedNodes += target.size
        if expandedNodes > YAMLParser.maxExpandedNodes {
            throw error(at: location, "aliases expand to more than \(YAMLParser.maxExpandedNodes) nodes",
                        context: "the document is too large once its aliases are expanded")
        }
        return target
    }

    /// One level deeper; past `YAMLParser.maxDepth` the file is refused where the level starts.
    private mutating func enter(at location: SourceLocation) throws(YAMLError) {
        depth += 1
        guard depth <= YAMLParser.maxDepth else {
            throw error(at: location, "sequences and mappings are nested more than \(YAMLParser.maxDepth) levels deep",
                        context: "a manifest needs a few levels; flatten the structure")
        }
    }

    private mutating func begin(_ anchor: String?) {
        if let anchor { anchorsInProgress.insert(anchor) }
    }

    private mutating func register(_ anchor: String?, _ built: Built) -> Built {
        if let anchor {
            anchorsInProgress.remove(anchor)
            anchors[anchor] = built
        }
        return built
    }

    private func checkCollectionTag(_ tag: String?, expected: String, at location: SourceLocation) throws(YAMLError) {
        guard let tag, tag != expected, tag != YAMLTag.nonSpecific else { return }
        throw error(at: location, "unsupported tag '\(tag)'", context: "remove the tag")
    }

    private func error(at location: SourceLocation, _ problem: String, context: String? = nil) -> YAMLError {
        YAMLError(location: location, problem: problem, context: context,
                  sourceLine: SourceSnippet.line(location.line, of: text))
    }
}
