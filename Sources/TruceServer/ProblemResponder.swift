import Foundation
import HTTPTypes
import Hummingbird
import Logging
import TruceApp
import TruceStore

/// Turns every error a route throws into problem details: Truce's typed errors by kind, Hummingbird's
/// `HTTPError` by status, and anything else into a 500 whose detail says nothing of its cause. What the client
/// is not told is logged with the request id.
struct ProblemResponder: RouterMiddleware {
    typealias Context = TruceRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let problem = Self.problem(for: error, logger: context.logger)
            return problem.response(instance: request.uri.path, requestID: context.requestID)
        }
    }

    /// The problem `error` stands for.
    static func problem(for error: any Error, logger: Logger) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let notFound as NotFound:
            return Problem(.notFound, detail: notFound.description)
        case let failure as Failure:
            logger.error("use case failed", metadata: ["error": .string(failure.message), "details": .string(failure.details ?? "")])
            switch failure.kind {
            case .invalidInput: return Problem(.badRequest, detail: "The request's input cannot be used.")
            case .storeFailure: return Problem(.storeUnavailable, detail: "The store cannot be read right now; try again later.")
            }
        case let denied as AccessDenied:
            return problem(for: denied)
        case let account as AccountError:
            return problem(for: account)
        case is LoginRefused:
            return Problem(.unauthorized, detail: "The name or the password is wrong, or the account is disabled.")
        case let throttled as LoginThrottled:
            return Problem(
                .tooManyRequests, detail: "Too many failed sign-ins for this \(throttled.limit.rawValue); try again in \(throttled.retryAfter) s.",
                retryAfter: throttled.retryAfter)
        case let csrf as CSRFRejected:
            return Problem(.csrf, detail: "This write needs the session's CSRF token in X-CSRF-Token: \(csrf.description).")
        case let storeError as StoreError:
            logger.error("store failed", metadata: ["error": .string(storeError.description), "details": .string(storeError.details)])
            return Problem(.storeUnavailable, detail: "The store cannot be read right now; try again later.")
        case let http as HTTPError:
            return problem(for: http)
        default:
            logger.error("request failed", metadata: ["error": .string(String(reflecting: error))])
            return Problem(.internal, detail: "The server could not answer this request; quote its request id when reporting it.")
        }
    }

    /// 401 when no one is signed in, 403 when the role lacks the permission, 404 for an agreement outside the
    /// user's scope, which is answered as if it did not exist.
    static func problem(for denied: AccessDenied) -> Problem {
        switch denied.reason {
        case .signInRequired: return Problem(.unauthorized, detail: "Sign in to \(denied.permission.summary).")
        case .roleLacks(let role): return Problem(.forbidden, detail: "The \(role) role may not \(denied.permission.summary).")
        case .outsideScope(let agreement): return Problem(.notFound, detail: NotFound(.agreement, id: agreement).description)
        }
    }

    /// A change to users or tokens refused: the field at fault as the parameter, an unknown user or token as 404,
    /// a name taken as 409.
    static func problem(for error: AccountError) -> Problem {
        switch error.kind {
        case .unknownUser: return Problem(.notFound, detail: "No user is named \"\(error.subject)\".")
        case .unknownToken: return Problem(.notFound, detail: "No token has the id \(error.subject).")
        case .nameTaken: return Problem(.conflict, detail: "The name \"\(error.subject)\" is taken.", parameter: "name")
        case .invalidName, .weakPassword, .invalidValue:
            let field = error.field ?? "body"
            return Problem(.invalidParameter, detail: "\(field): \(error.reason)", parameter: field)
        }
    }

    private static func problem(for error: HTTPError) -> Problem {
        let detail = error.body ?? error.status.reasonPhrase
        switch error.status {
        case .notFound: return Problem(.notFound, detail: "No resource at this path.")
        case .methodNotAllowed: return Problem(.methodNotAllowed, detail: "This path is read with GET.")
        case .contentTooLarge: return Problem(.payloadTooLarge, detail: detail)
        case .notAcceptable: return Problem(.notAcceptable, detail: detail)
        default:
            return error.status.code < 500
                ? Problem(.badRequest, detail: detail) : Problem(.internal, detail: "The server could not answer this request.")
        }
    }
}
