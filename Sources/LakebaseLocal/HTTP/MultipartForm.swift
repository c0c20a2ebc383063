import Foundation

/// A minimal `multipart/form-data` reader: the parts of a body by their `name`.
enum MultipartForm {
    static func parse(body: [UInt8], contentType: String) throws(LocalAPIError) -> [String: Data] {
        guard let boundaryRange = contentType.range(of: "boundary=") else {
            throw .malformed("multipart/form-data without a boundary")
        }
        let boundary = contentType[boundaryRange.upperBound...].split(separator: ";").first
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")) } ?? ""
        let data = Data(body)
        let delimiter = Data("--\(boundary)".utf8)
        var parts: [String: Data] = [:]
        var searchStart = data.startIndex
        var chunks: [Range<Data.Index>] = []
        while let found = data.range(of: delimiter, in: searchStart..<data.endIndex) {
            if searchStart != data.startIndex { chunks.append(searchStart..<found.lowerBound) }
            searchStart = found.upperBound
        }
        let separator = Data("\r\n\r\n".utf8)
        for chunk in chunks {
            guard let split = data.range(of: separator, in: chunk) else { continue }
            let headers = String(decoding: data[chunk.lowerBound..<split.lowerBound], as: UTF8.self)
            guard let nameRange = headers.range(of: " name=\"") else { continue }
            let name = String(headers[nameRange.upperBound...].prefix { $0 != "\"" })
            var value = data[split.upperBound..<chunk.upperBound]
            if value.suffix(2) == Data("\r\n".utf8) { value = value.dropLast(2) }
            parts[name] = Data(value)
        }
        return parts
    }
}
