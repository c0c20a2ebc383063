// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "lakebase-reconcile",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "reconcile", targets: ["ReconcileCLI"]),
        .executable(name: "lakebase-local", targets: ["LakebaseLocalCLI"]),
        .library(name: "ManifestModel", targets: ["ManifestModel"]),
        .library(name: "Reconciler", targets: ["Reconciler"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
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
        .systemLibrary(name: "CSpawn"),
        .systemLibrary(name: "CMalloc"),
        .target(name: "JSONCore"),
        .target(name: "YAMLBridge", dependencies: ["CYAML", "JSONCore"]),
        .target(name: "PostgresBridge", dependencies: ["CLibPQ", "JSONCore"]),
        .target(name: "ManifestModel", dependencies: ["JSONCore", "YAMLBridge"]),
        .target(name: "Providers", dependencies: ["CCurl", "CSpawn", "PostgresBridge", "JSONCore"]),
        .target(name: "Reconciler", dependencies: ["JSONCore", "ManifestModel", "Providers", "YAMLBridge"]),
        .executableTarget(
            name: "ReconcileCLI",
            dependencies: [
                "JSONCore", "ManifestModel", "Reconciler", "Providers", "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .target(
            name: "LakebaseLocal",
            dependencies: [
                "PostgresBridge", "CSpawn", "JSONCore", "YAMLBridge",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]),
        .executableTarget(
            name: "LakebaseLocalCLI",
            dependencies: [
                "LakebaseLocal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .testTarget(
            name: "ReconcilerTests",
            dependencies: [
                "JSONCore", "YAMLBridge", "ManifestModel", "Providers", "Reconciler", "LakebaseLocal", "LakebaseLocalHarness",
            ],
            exclude: ["Fixtures", "Golden", "KindFixtures"]),
        .target(
            name: "LakebaseLocalHarness",
            dependencies: ["LakebaseLocal", "Providers", "JSONCore"],
            path: "Tests/Harness"),
        .testTarget(
            name: "LakebaseLocalTests",
            dependencies: ["LakebaseLocal", "LakebaseLocalHarness", "Providers", "PostgresBridge", "JSONCore"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "ProvidersTests",
            dependencies: ["LakebaseLocalHarness", "Providers", "PostgresBridge", "JSONCore"]),
    ]
)

// libFuzzer targets (scripts/fuzz): only when LAKEBASE_FUZZ=1, built with `-sanitize=fuzzer,address` in their own
// build folder; their entry points call libFuzzer's driver, which exists only in such a build.
if Context.environment["LAKEBASE_FUZZ"] == "1" {
    let fuzzFlags: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]
    package.targets += [
        .target(name: "FuzzDriver", path: "Fuzz/FuzzDriver"),
        .executableTarget(name: "fuzz-yaml", dependencies: ["FuzzDriver", "YAMLBridge"], path: "Fuzz/YAMLFuzz", swiftSettings: fuzzFlags),
        .executableTarget(name: "fuzz-json", dependencies: ["FuzzDriver", "JSONCore"], path: "Fuzz/JSONFuzz", swiftSettings: fuzzFlags),
        .executableTarget(name: "fuzz-bundle", dependencies: ["FuzzDriver", "ManifestModel", "Reconciler"], path: "Fuzz/BundleFuzz",
                          swiftSettings: fuzzFlags),
    ]
}
