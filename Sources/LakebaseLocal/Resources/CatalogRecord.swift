import Foundation

/// A database catalog: a PostgreSQL database of an instance (or of an Autoscaling branch) registered as a Unity
/// Catalog catalog. Catalog names are one namespace across both families.
struct CatalogRecord: StoredResource {
    var name: String
    var uid: String
    /// The instance, or for an Autoscaling catalog its branch (`projects/p/branches/b`).
    var databaseInstanceName: String
    var databaseName: String
    var createdAt: Date
    /// The branch of an Autoscaling catalog (`/api/2.0/postgres/catalogs`); nil for a Provisioned one.
    var branch: String?
}
