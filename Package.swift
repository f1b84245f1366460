// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "GoLive",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "golive", targets: ["golive"]),
        .library(name: "GoLiveCore", targets: ["GoLiveCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // libcmark from the system (Debian: libcmark-dev); all calls go through Render/Cmark.swift.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(
            name: "GoLiveCore",
            dependencies: [
                "CCmark",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(
            name: "golive",
            dependencies: [
                "GoLiveCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "GoLiveCoreTests",
            dependencies: ["GoLiveCore"],
            exclude: ["Fixtures"]
        ),
    ]
)
