import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// A `multipart/form-data` body read whole (a form with files): its text fields, and its files with the media type
/// and name the browser gave them. Parsed by MultipartKit's parser.
struct MultipartForm {
    /// A file part.
    struct File {
        var field: String
        var filename: String
        var mediaType: String
        var bytes: [UInt8]
    }

    /// Each text field's first value, by name.
    var fields: [String: String] = [:]
    /// The file parts, in order, empty file inputs left out.
    var files: [File] = []

    static let mediaType = "multipart/form-data"

    /// The form in `request`'s body.
    /// - Throws: ``Problem`` 415 for another media type or no boundary, 413 beyond `maxBytes`, 400 when the body
    ///   is not well-formed multipart.
    static func read(_ request: Request, maxBytes: Int) async throws -> MultipartForm {
        try RequestBody.requireMediaType(of: request, in: [mediaType])
        guard let boundary = parameter("boundary", of: request.headers[.contentType] ?? ""), !boundary.isEmpty, boundary.utf8.count <= 70 else {
            throw Problem(.unsupportedMediaType, detail: "A multipart/form-data body needs its boundary parameter.")
        }
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: maxBytes)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw Problem(.payloadTooLarge, detail: "The form is larger than \(maxBytes) bytes.")
        }
        return try parse(buffer, boundary: boundary)
    }

    /// The parts of `buffer`, a body with `boundary`.
    static func parse(_ buffer: ByteBuffer, boundary: String) throws -> MultipartForm {
        let parser = MultipartParser(boundary: boundary)
        var form = MultipartForm()
        var headers: [String: String] = [:]
        var body: [UInt8] = []
        var complete = false
        parser.onHeader = { name, value in headers[name.lowercased()] = value }
        parser.onBody = { chunk in body.append(contentsOf: chunk.readableBytesView) }
        parser.onPartComplete = {
            defer {
                headers = [:]
                body = []
                complete = true
            }
            let disposition = headers["content-disposition"] ?? ""
            guard let name = parameter("name", of: disposition) else { return }
            if let filename = parameter("filename", of: disposition) {
                guard !filename.isEmpty || !body.isEmpty else { return }
                form.files.append(
                    File(field: name, filename: filename, mediaType: headers["content-type"] ?? "application/octet-stream", bytes: body))
            } else if form.fields[name] == nil {
                form.fields[name] = String(decoding: body, as: UTF8.self)
            }
        }
        do {
            try parser.execute(buffer)
        } catch {
            throw Problem(.badRequest, detail: "The form is not well-formed multipart/form-data.")
        }
        guard complete || buffer.readableBytes == 0 else {
            throw Problem(.badRequest, detail: "The form is not well-formed multipart/form-data: it has no complete part.")
        }
        return form
    }

    /// The value of the parameter `name` in a header such as `form-data; name="photo"; filename="a.jpg"`.
    static func parameter(_ name: String, of header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
            }
            return value
        }
        return nil
    }
}
