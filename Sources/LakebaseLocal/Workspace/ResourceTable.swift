/// A resource the emulator stores in a `ResourceTable`, under its full resource name.
protocol StoredResource: Codable, Sendable {
    /// The full resource name (`orders-db`, `cat.schema.table`, later `projects/p/branches/b`).
    var name: String { get }
}

/// One kind's state table: records in creation order (the order list calls page through), found by full resource
/// name in constant time. Saved as a plain JSON array, as the workspace file always held them.
struct ResourceTable<Record: StoredResource>: RandomAccessCollection, MutableCollection, Codable, Sendable {
    private var records: [Record] = []
    private var positions: [String: Int] = [:]

    /// An empty table.
    init() {}

    var startIndex: Int { records.startIndex }
    var endIndex: Int { records.endIndex }

    subscript(position: Int) -> Record {
        get { records[position] }
        set {
            positions[records[position].name] = nil
            records[position] = newValue
            positions[newValue.name] = position
        }
    }

    /// The record called `name`, if any; setting replaces it in place (or adds it), setting nil removes it.
    subscript(name name: String) -> Record? {
        get { positions[name].map { records[$0] } }
        set {
            switch (positions[name], newValue) {
            case (let position?, let record?): self[position] = record
            case (nil, let record?): append(record)
            case (.some, nil): removeAll { $0.name == name }
            case (nil, nil): break
            }
        }
    }

    /// Adds a record after the others (replacing one with the same name).
    mutating func append(_ record: Record) {
        if let position = positions[record.name] {
            records[position] = record
            return
        }
        positions[record.name] = records.count
        records.append(record)
    }

    /// Removes every record that matches.
    mutating func removeAll(where shouldRemove: (Record) throws -> Bool) rethrows {
        try records.removeAll(where: shouldRemove)
        reindex()
    }

    private mutating func reindex() {
        positions = Dictionary(records.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    init(from decoder: any Decoder) throws {
        records = try [Record](from: decoder)
        reindex()
    }

    func encode(to encoder: any Encoder) throws {
        try records.encode(to: encoder)
    }
}
