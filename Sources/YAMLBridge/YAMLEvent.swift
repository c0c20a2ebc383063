internal import CYAML

/// A libyaml parse event copied into Swift values, so the C event can be freed at once.
enum YAMLEvent {
    case streamStart
    case streamEnd
    case documentStart(SourceLocation)
    case documentEnd
    case alias(anchor: String, at: SourceLocation)
    case scalar(YAMLScalar, anchor: String?, at: SourceLocation)
    case sequenceStart(anchor: String?, tag: String?, at: SourceLocation)
    case sequenceEnd
    case mappingStart(anchor: String?, tag: String?, at: SourceLocation)
    case mappingEnd

    init(_ event: yaml_event_t, fileID: Int32) {
        let location = SourceLocation(
            fileID: fileID, line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        switch event.type {
        case YAML_STREAM_START_EVENT: self = .streamStart
        case YAML_DOCUMENT_START_EVENT: self = .documentStart(location)
        case YAML_DOCUMENT_END_EVENT: self = .documentEnd
        case YAML_ALIAS_EVENT:
            self = .alias(anchor: Self.string(event.data.alias.anchor) ?? "", at: location)
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let value = data.value.map { pointer in
                String(decoding: UnsafeBufferPointer(start: pointer, count: Int(data.length)), as: UTF8.self)
            } ?? ""
            let scalar = YAMLScalar(value: value, style: Self.style(data.style), tag: Self.string(data.tag))
            self = .scalar(scalar, anchor: Self.string(data.anchor), at: location)
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            self = .sequenceStart(anchor: Self.string(data.anchor), tag: Self.string(data.tag), at: location)
        case YAML_SEQUENCE_END_EVENT: self = .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            self = .mappingStart(anchor: Self.string(data.anchor), tag: Self.string(data.tag), at: location)
        case YAML_MAPPING_END_EVENT: self = .mappingEnd
        default: self = .streamEnd
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }

    private static func style(_ style: yaml_scalar_style_t) -> ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }
}
