internal import CYAML

/// Owns a libyaml parser over one in-memory document and hands out its events one at a time.
final class LibYAMLEventReader {
    private var parser = yaml_parser_t()
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private let file: String
    private let fileID: Int32
    private let text: String

    /// A reader over `text`; fails when libyaml cannot set up its parser (out of memory).
    init(text: String, file: String) throws(YAMLError) {
        self.text = text
        self.file = file
        fileID = SourceFileNames.id(of: file)
        let bytes = Array(text.utf8)
        buffer = .allocate(capacity: max(bytes.count, 1))
        _ = buffer.initialize(from: bytes)
        guard yaml_parser_initialize(&parser) == 1 else {
            buffer.deallocate()
            throw YAMLError(location: SourceLocation(file: file, line: 1, column: 1),
                            problem: "libyaml could not set up its parser (out of memory)", context: nil, sourceLine: nil)
        }
        yaml_parser_set_input_string(&parser, buffer.baseAddress, bytes.count)
    }

    deinit {
        yaml_parser_delete(&parser)
        buffer.deallocate()
    }

    /// The next event, or a `YAMLError` carrying libyaml's problem, context and mark.
    func next() throws(YAMLError) -> YAMLEvent {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else { throw currentError() }
        defer { yaml_event_delete(&event) }
        return YAMLEvent(event, fileID: fileID)
    }

    private func currentError() -> YAMLError {
        let mark = parser.problem_mark
        let line = Int(mark.line) + 1
        let location = SourceLocation(file: file, line: line, column: Int(mark.column) + 1)
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        var context = parser.context.map { String(cString: $0) }
        let contextMark = parser.context_mark
        if let text = context, contextMark.line != mark.line || contextMark.column != mark.column {
            context = text + " started at \(file):\(contextMark.line + 1):\(contextMark.column + 1)"
        }
        return YAMLError(
            location: location, problem: problem, context: context,
            sourceLine: SourceSnippet.line(line, of: text))
    }
}
