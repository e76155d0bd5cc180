import Foundation

/// Paths as printed: relative to the current directory (`../x` when outside it).
public enum RelativePath {
    public static func fromCurrentDirectory(_ url: URL) -> String {
        relative(url.standardizedFileURL.path, to: FileManager.default.currentDirectoryPath)
    }

    static func relative(_ path: String, to base: String) -> String {
        let target = path.split(separator: "/"), from = URL(fileURLWithPath: base).standardizedFileURL.path.split(separator: "/")
        var common = 0
        while common < min(target.count, from.count) && target[common] == from[common] { common += 1 }
        let parts = Array(repeating: "..", count: from.count - common) + target[common...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
