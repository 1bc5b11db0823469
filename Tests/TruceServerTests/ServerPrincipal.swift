import TruceServer

/// The server's principal (TruceApp has an account principal of the same name).
typealias ServerPrincipal = Principal
