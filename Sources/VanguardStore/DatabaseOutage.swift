import FluentPostgresDriver

/// Whether an error means the database could not be reached or went away, as opposed to refusing
/// a statement: the first is worth trying again in a moment (503), the second is not.
public enum DatabaseOutage {
    public static func explains(_ error: any Error) -> Bool {
        switch error {
        case is ConnectionLoss, is ConnectionPoolTimeoutError:
            return true
        case let pool as ConnectionPoolError:
            return pool == .shutdown
        case let postgres as PSQLError:
            switch postgres.code {
            case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed:
                return true
            case .server:
                // Class 08 is "connection exception"; 57P01–57P03 are the server shutting down or starting.
                let state = postgres.serverInfo?[.sqlState] ?? ""
                return state.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(state)
            default:
                return false
            }
        default:
            return false
        }
    }
}
