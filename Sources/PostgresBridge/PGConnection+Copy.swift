#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
internal import CLibPQ

extension PGConnection {
    /// Runs `COPY … FROM STDIN` and streams `data` (in the COPY text or CSV format the statement names);
    /// returns the number of rows the server reports.
    @discardableResult
    public func copyIn(_ sql: String, data: Data) throws(PGError) -> Int {
        try startCopy(sql, expecting: PGRES_COPY_IN)
        let sent = data.withUnsafeBytes { buffer -> Int32 in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return 1 }
            return PQputCopyData(raw, base.assumingMemoryBound(to: CChar.self), Int32(buffer.count))
        }
        guard sent == 1, PQputCopyEnd(raw, nil) == 1 else {
            throw PGError(message: Self.trimmed(PQerrorMessage(raw)), sqlState: nil)
        }
        return try finishCopy()
    }

    /// Runs `COPY … TO STDOUT` and returns everything the server sent.
    public func copyOut(_ sql: String) throws(PGError) -> Data {
        try startCopy(sql, expecting: PGRES_COPY_OUT)
        var output = Data()
        while true {
            var buffer: UnsafeMutablePointer<CChar>?
            let length = PQgetCopyData(raw, &buffer, 0)
            if length > 0, let buffer {
                output.append(Data(bytes: buffer, count: Int(length)))
                PQfreemem(buffer)
            } else if length == -1 {
                break
            } else {
                throw PGError(message: Self.trimmed(PQerrorMessage(raw)), sqlState: nil)
            }
        }
        _ = try finishCopy()
        return output
    }

    /// Streams `COPY … TO STDOUT` (`outSQL`) on `source` into `COPY … FROM STDIN` (`sql`) on this connection as the
    /// rows arrive, holding one row at a time, not the whole copy; returns the rows this server reports. When the
    /// source fails part way, the destination's COPY is aborted and the source's error is thrown.
    @discardableResult
    public func copyIn(_ sql: String, streamingFrom source: PGConnection, _ outSQL: String) throws(PGError) -> Int {
        try source.startCopy(outSQL, expecting: PGRES_COPY_OUT)
        do {
            try startCopy(sql, expecting: PGRES_COPY_IN)
        } catch {
            source.abandonCopyOut()
            throw error
        }
        var sourceFailure: PGError?
        while true {
            var buffer: UnsafeMutablePointer<CChar>?
            let length = PQgetCopyData(source.raw, &buffer, 0)
            if length > 0, let buffer {
                let sent = PQputCopyData(raw, buffer, length)
                PQfreemem(buffer)
                guard sent == 1 else {
                    source.abandonCopyOut()
                    throw PGError(message: Self.trimmed(PQerrorMessage(raw)), sqlState: nil)
                }
            } else if length == -1 {
                break
            } else {
                sourceFailure = PGError(message: Self.trimmed(PQerrorMessage(source.raw)), sqlState: nil)
                break
            }
        }
        do {
            _ = try source.finishCopy()
        } catch {
            sourceFailure = sourceFailure ?? error
        }
        if let sourceFailure {
            _ = PQputCopyEnd(raw, "the source copy failed")
            _ = try? finishCopy()
            throw sourceFailure
        }
        guard PQputCopyEnd(raw, nil) == 1 else { throw PGError(message: Self.trimmed(PQerrorMessage(raw)), sqlState: nil) }
        return try finishCopy()
    }

    /// Reads and drops the rest of a `COPY … TO STDOUT` this connection started, so that it can be used again.
    private func abandonCopyOut() {
        while true {
            var buffer: UnsafeMutablePointer<CChar>?
            let length = PQgetCopyData(raw, &buffer, 0)
            if let buffer { PQfreemem(buffer) }
            if length <= 0 { break }
        }
        _ = try? finishCopy()
    }

    private func startCopy(_ sql: String, expecting status: ExecStatusType) throws(PGError) {
        guard let result = PQexec(raw, sql) else { throw PGError(message: Self.trimmed(PQerrorMessage(raw)), sqlState: nil) }
        defer { PQclear(result) }
        guard PQresultStatus(result) == status else { throw Self.error(of: result) }
    }

    private func finishCopy() throws(PGError) -> Int {
        var rows = 0
        var failure: PGError?
        while let result = PQgetResult(raw) {
            if PQresultStatus(result) == PGRES_COMMAND_OK {
                rows = Int(String(cString: PQcmdTuples(result))) ?? 0
            } else if failure == nil {
                failure = Self.error(of: result)
            }
            PQclear(result)
        }
        if let failure { throw failure }
        return rows
    }

    /// The server's message and SQLSTATE of a failed result.
    static func error(of result: OpaquePointer) -> PGError {
        let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
        return PGError(message: trimmed(PQresultErrorMessage(result)), sqlState: state)
    }
}
