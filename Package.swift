// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "mcp-setup",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "MCPSetup", targets: ["MCPSetup"]),
        .library(name: "MCPSetupSite", targets: ["MCPSetupSite"]),
        .library(name: "MCPSetupInstall", targets: ["MCPSetupInstall"]),
        .library(name: "MCPSetupDoctor", targets: ["MCPSetupDoctor"]),
        .library(name: "MCPSetupServe", targets: ["MCPSetupServe"]),
        .executable(name: "mcp-setup", targets: ["mcp-setup"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .target(
            name: "MCPSetup",
            dependencies: [
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(
            name: "CmarkInlineCharacters",
            dependencies: ["CCmarkGFM"],
            linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]
        ),
        .target(
            name: "CmarkArena",
            dependencies: ["CCmarkGFM"]
        ),
        .target(
            name: "MCPSetupSite",
            dependencies: [
                "MCPSetup",
                "CCmarkGFM",
                "CmarkInlineCharacters",
                "CmarkArena",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "MCPSetupInstall",
            dependencies: [
                "MCPSetup",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "MCPSetupDoctor",
            dependencies: [
                "MCPSetup",
                "MCPSetupInstall",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .target(
            name: "MCPSetupServe",
            dependencies: [
                "MCPSetup",
                "MCPSetupSite",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "mcp-setup",
            dependencies: [
                "MCPSetup",
                "MCPSetupSite",
                "MCPSetupInstall",
                "MCPSetupDoctor",
                "MCPSetupServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "KeyBenchmark",
            dependencies: ["MCPSetup"],
            path: "Benchmarks/KeyBenchmark"
        ),
        .testTarget(
            name: "MCPSetupTests",
            dependencies: [
                "MCPSetup",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Golden", "Support/decode_artifacts.py", "Support/windows_shells.py"]
        ),
        .testTarget(
            name: "MCPSetupSiteTests",
            dependencies: ["MCPSetupSite"]
        ),
        .testTarget(
            name: "MCPSetupInstallTests",
            dependencies: [
                "MCPSetupInstall",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures", "Support/judge_corpus.py"]
        ),
        .testTarget(
            name: "MCPSetupDoctorTests",
            dependencies: ["MCPSetupDoctor", "MCPSetupInstall"]
        ),
        .testTarget(
            name: "MCPSetupServeTests",
            dependencies: ["MCPSetupServe"]
        ),
        .testTarget(
            name: "MCPSetupCLITests",
            dependencies: ["mcp-setup"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
