import Foundation

public enum FileWalk {
    /// The default paths, from the repository root.
    public static let defaultPaths = ["Package.swift", "Sources", "Plugins", "Tests", "Examples", "Generated", "templates", ".ci"]
    public static let extensions = [".swift", ".swift.in", ".mustache"]

    /// The files to check, in order: a file path as given (whatever its extension); a folder walked top
    /// down (its files before its subfolders, each sorted by code point), hidden subfolders and
    /// symbolic links to folders skipped, files kept by extension; other paths ignored.
    /// (Python's `os.walk` with the subfolders filtered and sorted in place.)
    public static func files(_ paths: [String]) -> [String] {
        var result: [String] = []
        for path in paths {
            if isFile(path) {
                result.append(path)
            } else if isDirectory(path) {
                walk(path, into: &result)
            }
        }
        return result
    }

    static func walk(_ root: String, into result: inout [String]) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: root) else { return }
        var folders: [String] = [], names: [String] = []
        for entry in entries {
            if isDirectory(join(root, entry)) { folders.append(entry) } else { names.append(entry) }
        }
        for name in names.sorted(by: codePointOrder) where extensions.contains(where: { hasSuffix(name, $0) }) {
            result.append(join(root, name))
        }
        for folder in folders.filter({ !$0.hasPrefix(".") }).sorted(by: codePointOrder) {
            let path = join(root, folder)
            if !isSymbolicLink(path) { walk(path, into: &result) }
        }
    }

    /// Python's `os.path.join` for a relative name.
    static func join(_ root: String, _ name: String) -> String {
        root.isEmpty || root.hasSuffix("/") ? root + name : root + "/" + name
    }

    static func codePointOrder(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }

    static func hasSuffix(_ name: String, _ suffix: String) -> Bool {
        let scalars = Array(name.unicodeScalars), end = Array(suffix.unicodeScalars)
        return scalars.count >= end.count && Array(scalars.suffix(end.count)) == end
    }

    /// A regular file, following symbolic links (Python's `os.path.isfile`).
    static func isFile(_ path: String) -> Bool {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: resolved(path)) else { return false }
        return attributes[.type] as? FileAttributeType == .typeRegular
    }

    /// A folder, following symbolic links (Python's `os.path.isdir`).
    static func isDirectory(_ path: String) -> Bool {
        var folder: ObjCBool = false
        return !path.isEmpty && FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
    }

    static func isSymbolicLink(_ path: String) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
    }

    static func resolved(_ path: String) -> String {
        isSymbolicLink(path) ? URL(fileURLWithPath: path).resolvingSymlinksInPath().path : path
    }

    /// A file's text as Python's `open(path, encoding='utf-8', errors='replace').read()` gives it:
    /// invalid UTF-8 replaced by U+FFFD, and `\r\n` and `\r` read as `\n` (universal newlines).
    public static func read(_ path: String) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return universalNewlines(String(decoding: data, as: UTF8.self))
    }

    public static func universalNewlines(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var previousWasReturn = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                out.append("\n")
                previousWasReturn = true
            } else {
                if !(scalar == "\n" && previousWasReturn) { out.append(scalar) }
                previousWasReturn = false
            }
        }
        return String(out)
    }
}
