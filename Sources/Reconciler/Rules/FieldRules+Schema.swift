import ManifestModel

extension FieldRules {
    /// The rules a kind's schema declares (design.md §5): id fields, what recreates, what is ignored locally,
    /// input-only fields (compared through their reported twin when GET has one, else not compared), nested
    /// output-only fields, and server defaults. Nothing here is restated per kind.
    public init(schema: ResourceSchema) {
        var derived = FieldRules(
            hasUpdateAPI: schema.updatable, idFields: [], recreateOnChanges: [], ignoreRemote: [], ignoreLocal: [],
            backendDefaults: [], effectiveTwins: [], stateFields: schema.config)
        derived.collect(schema.config, prefix: "", topLevel: true)
        self = derived
    }

    private mutating func collect(_ fields: [FieldSpec], prefix: String, topLevel: Bool) {
        for field in fields {
            let path = prefix + field.name
            let pattern = FieldPattern(path)
            if field.isID { idFields.append(pattern) }
            switch field.onChange {
            case .kindDefault: break
            case .recreate(let reason): recreateOnChanges.append(Rule(pattern: pattern, reason: reason))
            case .ignored(let reason): ignoreLocal.append(Rule(pattern: pattern, reason: reason))
            }
            switch field.access {
            case .inputOnly:
                if let twin = field.liveTwin, topLevel {
                    effectiveTwins.append((path, twin))
                    backendDefaults.append(pattern)
                } else {
                    ignoreRemote.append(Rule(pattern: pattern, reason: "spec:input_only"))
                }
            case .outputOnly:
                ignoreRemote.append(Rule(pattern: pattern, reason: "spec:output_only"))
            case .inOut:
                break
            }
            if field.serverDefault { backendDefaults.append(pattern) }
            switch field.type {
            case .object(let inner): collect(inner, prefix: path + ".", topLevel: false)
            case .list(.object(let inner)): collect(inner, prefix: path + "[*].", topLevel: false)
            default: break
            }
        }
    }
}
