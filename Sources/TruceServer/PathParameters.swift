import Foundation
import Hummingbird

extension TruceRequestContext {
    /// The path's `{name}` segment, percent-decoded: a client that encodes an incident id such as
    /// `acled:UKR123` sends `acled%3AUKR123`, and an id may hold characters only an encoding can carry.
    /// - Throws: ``Problem`` (400, `name`) when the segment is not valid percent-encoded UTF-8.
    func pathParameter(_ name: String) throws -> String {
        let raw = try parameters.require(name)
        guard raw.contains("%") else { return raw }
        guard let decoded = raw.removingPercentEncoding else {
            throw Problem.invalid(name, "is not valid percent-encoded UTF-8")
        }
        return decoded
    }
}
