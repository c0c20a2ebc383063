import Foundation

/// A database catalog: a PostgreSQL database of an instance registered as a Unity Catalog catalog.
struct CatalogRecord: StoredResource {
    var name: String
    var uid: String
    var databaseInstanceName: String
    var databaseName: String
    var createdAt: Date
}
