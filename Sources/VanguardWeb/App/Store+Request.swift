import Foundation
import VanguardStore
import Vapor

extension Store {
    /// The store as a request uses it: the request's database, the app's clock.
    init(on request: Request) {
        self.init(database: request.db, now: request.application.appConfig.now)
    }

    /// The store as a command or background task uses it.
    init(on application: Application) {
        self.init(database: application.db, now: application.appConfig.now)
    }
}

extension Request {
    /// The time now, as the app's clock reads it.
    var now: Date { application.appConfig.now() }
}

extension Application {
    /// The time now, as the app's clock reads it.
    var now: Date { appConfig.now() }
}
