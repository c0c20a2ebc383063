import JSONCore
import Testing
@testable import ManifestModel

/// How a resource's id follows from its fields: the fields a rule reads, and the id it builds.
@Suite struct IdentityRuleTests {
    @Test(arguments: [
        (IdentityRule.field("name"), ["name"]),
        (.template("{parent}/branches/{branch_id}"), ["parent", "branch_id"]),
        (.template("projects/{project_id}"), ["project_id"]),
        (.template("catalogs/{name}"), ["name"]),
        (.template("{a}{b}"), ["a", "b"]),
        (.template("no-fields"), []),
    ])
    func fieldsAreEveryPlaceholder(rule: IdentityRule, expected: [String]) {
        #expect(rule.fields == expected)
    }

    @Test(arguments: [
        (IdentityRule.template("{parent}/branches/{branch_id}"), ["parent": "projects/shop", "branch_id": "dev"], "projects/shop/branches/dev"),
        (.template("{parent}/branches/{branch_id}"), ["branch_id": "dev"], nil),
        (.template("{parent}/branches/{branch_id}"), ["parent": "", "branch_id": "dev"], nil),
        (.field("name"), ["name": "db-1"], "db-1"),
        (.field("name"), [:], nil),
    ] as [(IdentityRule, [String: String], String?)])
    func idFromTheFieldsItReads(rule: IdentityRule, fields: [String: String], expected: String?) {
        let value = JSONValue.object(JSONObject(fields.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) }))
        #expect(rule.id(in: value) == expected)
    }
}
