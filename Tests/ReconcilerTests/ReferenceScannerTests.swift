import Testing
@testable import ManifestModel

/// The `${...}` grammar of the Databricks CLI: what is a reference, what stays literal text.
@Suite struct ReferenceScannerTests {
    static func describe(_ tokens: [ReferenceToken]) -> [String] {
        tokens.map {
            switch $0 {
            case .literal(let text): "'\(text)'"
            case .reference(let path): "<\(path.segments.joined(separator: " "))>"
            }
        }
    }

    @Test(arguments: [
        ("plain", ["'plain'"]),
        ("", []),
        ("${var.a}", ["<var a>"]),
        ("x-${var.a}-y", ["'x-'", "<var a>", "'-y'"]),
        ("${var.a}${var.b}", ["<var a>", "<var b>"]),
        ("$${var.a}", ["'$'", "<var a>"]),
        ("${ var.a }", ["'${ var.a }'"]),
        ("${var.a", ["'${var.a'"]),
        ("${var.1a}", ["'${var.1a}'"]),
        ("${var.a_}", ["'${var.a_}'"]),
        ("${var.a-b_c2}", ["<var a-b_c2>"]),
        ("${resources.jobs.j.tasks[0].name}", ["<resources jobs j tasks [0] name>"]),
        ("${var.x[a]}", ["'${var.x[a]}'"]),
        ("${var.é}", ["<var é>"]),
        ("café ${var.a} {x} $", ["'café '", "<var a>", "' {x} $'"]),
    ])
    func tokens(text: String, expected: [String]) {
        #expect(Self.describe(ReferenceScanner.tokens(text)) == expected)
        #expect(ReferenceScanner.containsReference(text) == expected.contains { $0.hasPrefix("<") })
    }
}
