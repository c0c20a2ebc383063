import ArgumentParser

/// `-o/--output` values.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
