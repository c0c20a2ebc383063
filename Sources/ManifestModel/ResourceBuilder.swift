import JSONCore
import YAMLBridge

/// Builds typed resources from the resolved `resources` section: checks keys and bodies, normalizes each
/// body against its kind's schema, and applies the top-level `permissions` to the kinds that inherit them.
struct ResourceBuilder {
    private(set) var diagnostics = Diagnostics()
    static let topLevelPermissionLevels = ["CAN_MANAGE", "CAN_VIEW", "CAN_RUN"]

    mutating func build(_ section: YAMLNode?, topLevelPermissions: YAMLNode?) -> [Resource] {
        let inherited = bundlePermissions(topLevelPermissions)
        guard let section, !section.isNull else { return [] }
        guard let kinds = section.pairs else {
            diagnostics.error("resources must be a map of resource types", at: section.location, path: "resources")
            return []
        }
        var resources: [Resource] = []
        for kindPair in kinds {
            guard let kind = ResourceKind(rawValue: kindPair.key) else {
                diagnostics.warning("resources of type \(kindPair.key) are not managed by reconcile; ignored",
                                    detail: "reconcile plans " + Self.managedKindsPhrase
                                        + Suggestion.phrase(for: kindPair.key, among: KindRegistry.all.map(\.kind.rawValue)),
                                    at: kindPair.keyLocation, path: "resources.\(kindPair.key)")
                continue
            }
            if kindPair.value.isNull { continue }
            guard let entries = kindPair.value.pairs else {
                diagnostics.error("resources.\(kind.rawValue) must be a map of resource keys", at: kindPair.value.location,
                                  path: "resources.\(kind.rawValue)")
                continue
            }
            for entry in entries {
                if let resource = build(entry, kind: kind, inherited: inherited) { resources.append(resource) }
            }
        }
        return resources
    }

    private mutating func build(_ entry: YAMLPair, kind: ResourceKind, inherited: [Permission]) -> Resource? {
        let key = ResourceKey(kind, entry.key)
        if ReferenceScanner.hasOpening(entry.key) {
            diagnostics.error("resource key \"\(entry.key)\" must not contain variable references",
                              detail: "write the key literally; put references in the resource's fields", at: entry.keyLocation,
                              path: key.stateKey)
            return nil
        }
        if entry.value.isNull {
            diagnostics.error("\(kind.singular) \(entry.key) is not defined", detail: "give it at least a name", at: entry.keyLocation,
                              path: key.stateKey)
            return nil
        }
        var normalizer = FieldNormalizer()
        let schema = kind.schema
        let node = normalizer.normalizeObject(entry.value, fields: schema.manifestFields, path: key.stateKey,
                                              legacyKeys: schema.legacyOutputKeys)
        diagnostics.append(contentsOf: normalizer.diagnostics)
        guard let node, node.pairs != nil else { return nil }
        var permissions = ownPermissions(node["permissions"])
        if let rule = kind.spec.permissions {
            for permission in Self.inherited(inherited, by: rule) {
                if permissions.contains(where: { $0.principal == permission.principal && $0.principalField == permission.principalField }) {
                    diagnostics.append(Diagnostic(.info, "\(permission.principal) already has permissions on \(key.planLabel); the top-level permission is not added",
                                                  at: entry.keyLocation, path: "\(key.stateKey).permissions"))
                    continue
                }
                permissions.append(permission)
            }
        }
        let preventDestroy = node["lifecycle"]?["prevent_destroy"]?.scalarValue == .bool(true)
        return Resource(key: key, location: entry.keyLocation, node: node, preventDestroy: preventDestroy,
                        permissions: permissions, references: [])
    }

    /// `a, b and c`: the registered kinds, for messages.
    static var managedKindsPhrase: String {
        let names = KindRegistry.all.map(\.kind.rawValue)
        guard let last = names.last else { return "no resources" }
        return names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " and " + last
    }

    /// The top-level permissions a kind takes, with the levels mapped by its rule; levels it does not map do not apply.
    private static func inherited(_ topLevel: [Permission], by rule: PermissionsRule) -> [Permission] {
        topLevel.compactMap { permission in
            rule.fromTopLevel[permission.level].map {
                Permission(level: $0, principalField: permission.principalField, principal: permission.principal)
            }
        }
    }

    private func ownPermissions(_ node: YAMLNode?) -> [Permission] {
        (node?.items ?? []).compactMap(Self.permission)
    }

    private static func permission(_ entry: YAMLNode) -> Permission? {
        guard let level = entry["level"]?.stringValue,
              let field = ResourceSchema.principalFields.first(where: { entry[$0] != nil }),
              let principal = entry[field]?.stringValue else { return nil }
        return Permission(level: level, principalField: field, principal: principal)
    }

    /// The top-level permissions as written (each kind maps their levels when it inherits them).
    private mutating func bundlePermissions(_ node: YAMLNode?) -> [Permission] {
        guard let node, !node.isNull else { return [] }
        guard let items = node.items else {
            diagnostics.error("permissions must be a list", at: node.location, path: "permissions")
            return []
        }
        var normalizer = FieldNormalizer()
        let spec = ResourceSchema.permissionsField(levels: Self.topLevelPermissionLevels)
        let normalized = normalizer.normalize(YAMLNode(.sequence(items), at: node.location), as: spec.type, path: "permissions")
        diagnostics.append(contentsOf: normalizer.diagnostics)
        return (normalized?.items ?? []).compactMap(Self.permission)
    }
}
