import Foundation
import TruceCore

/// Reads agreement files and directories, checking each file and the set as a whole (no two files may
/// share an id).
public struct AgreementCatalog: Sendable {
    /// The agreements that read without errors, in the order their files were given.
    public var agreements: [Agreement]
    /// Every problem in every file, errors and warnings.
    public var diagnostics: [Diagnostic]
    /// The files read, as named.
    public var files: [String]

    /// Reads every `.yaml`/`.yml` file among `paths` (directories are searched recursively, in name order).
    /// An unreadable path is a diagnostic, never a crash.
    public static func read(paths: [String]) -> AgreementCatalog {
        var catalog = AgreementCatalog(agreements: [], diagnostics: [], files: [])
        var firstFileForID: [AgreementID: (file: String, line: Int?)] = [:]
        for file in expand(paths, diagnostics: &catalog.diagnostics) {
            catalog.files.append(file)
            let text: String
            do {
                text = try readText(file)
            } catch {
                catalog.diagnostics.append(Diagnostic(file: file, line: nil, field: "", message: "\(error)"))
                continue
            }
            var result = AgreementReader.read(yaml: text, file: file)
            if let agreement = result.agreement {
                if let first = firstFileForID[agreement.id] {
                    let place = first.file + (first.line.map { ":\($0)" } ?? "")
                    result.diagnostics.append(
                        Diagnostic(
                            file: file, line: result.idLine, field: "id", message: "duplicate id \"\(agreement.id)\": already defined in \(place)"))
                } else {
                    firstFileForID[agreement.id] = (file, result.idLine)
                    catalog.agreements.append(agreement)
                }
            }
            catalog.diagnostics += result.diagnostics
        }
        return catalog
    }

    /// The files a list of paths names: files as given, directories searched for YAML files.
    static func expand(_ paths: [String], diagnostics: inout [Diagnostic]) -> [String] {
        var files: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard path == "-" || manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(Diagnostic(file: path, line: nil, field: "", message: "no such file or directory"))
                continue
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let found = (manager.enumerator(atPath: path)?.allObjects as? [String] ?? [])
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
                .sorted()
                .map { (path as NSString).appendingPathComponent($0) }
            if found.isEmpty {
                diagnostics.append(Diagnostic(.warning, file: path, line: nil, field: "", message: "no .yaml files in this directory"))
            }
            files += found
        }
        return files
    }
}

/// Reads a whole file (or standard input for `-`) as UTF-8 text.
/// - Throws: ``InputError`` naming the file when it cannot be read or is not UTF-8.
func readText(_ file: String) throws -> String {
    let data: Data
    do {
        data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: file))
    } catch {
        throw InputError.unreadable(file: file, reason: (error as NSError).localizedDescription)
    }
    guard let text = String(data: data, encoding: .utf8) else { throw InputError.notUTF8(file: file) }
    return text
}

/// A whole input that cannot be read at all.
public enum InputError: Error, CustomStringConvertible, Sendable {
    case unreadable(file: String, reason: String)
    case notUTF8(file: String)
    case missingColumns(file: String, columns: [String])
    /// The first record shows the file is of another format altogether.
    case wrongFormat(file: String, line: Int, expected: String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason): return "\(file): cannot be read: \(reason)"
        case .notUTF8(let file): return "\(file): is not UTF-8 text"
        case .wrongFormat(let file, let line, let expected):
            return "\(file):\(line): not this format: \(expected)"
        case .missingColumns(let file, let columns):
            return "\(file):1: header: missing required column(s): \(columns.joined(separator: ", "))"
        }
    }
}
