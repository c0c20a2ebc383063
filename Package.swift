// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "lakebase-reconcile",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "reconcile", targets: ["ReconcileCLI"]),
        .library(name: "ManifestModel", targets: ["ManifestModel"]),
        .library(name: "Reconciler", targets: ["Reconciler"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML", pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]),
        .systemLibrary(
            name: "CCurl", pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"]), .brew(["curl"])]),
        .systemLibrary(
            name: "CLibPQ", pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"]), .brew(["libpq"])]),
        .target(name: "YAMLBridge", dependencies: ["CYAML"]),
        .target(name: "ManifestModel", dependencies: ["YAMLBridge"]),
        .target(name: "Providers", dependencies: ["CCurl", "CLibPQ", "ManifestModel"]),
        .target(name: "Reconciler", dependencies: ["ManifestModel", "Providers", "YAMLBridge"]),
        .executableTarget(
            name: "ReconcileCLI",
            dependencies: [
                "ManifestModel", "Reconciler", "Providers",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .testTarget(
            name: "ReconcilerTests",
            dependencies: ["YAMLBridge", "ManifestModel", "Providers", "Reconciler"],
            exclude: ["Fixtures", "Golden"]),
    ]
)
