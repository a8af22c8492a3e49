import Plot
import VanguardCore
import Vapor

/// Every route of the site in one place, each with the action the permission matrix is asked about.
/// `on(_:_:action:scope:use:)` is the only way routes are added, so none can skip the check.
func routes(_ app: Application) throws {
    app.on(.GET, .home, action: .readPublic, use: PagesController.home)
    app.on(.GET, .vanguards, action: .readPublic, use: PagesController.vanguards)
    app.on(.GET, .vanguard(.parameter), action: .readPublic, use: PagesController.vanguard)
    app.on(.GET, .dashboard(.parameter), action: .readPublic, use: DashboardController.vanguard)
    app.on(.GET, .dashboardCSV(.parameter), action: .readPublic, use: DashboardController.vanguardCSV)
    app.on(.GET, .progressReport(.parameter), action: .readPublic, use: DashboardController.progressReport)
    app.on(.GET, .progressReportBundle(.parameter), action: .readPublic, use: DashboardController.progressReportBundle)
    app.on(.POST, .rebase(.parameter), action: .manageMetrics, use: RebaseController.add)
    app.on(.POST, .removeRebase(.parameter), action: .manageMetrics, use: RebaseController.remove)
    app.on(
        .GET, .editVanguard(.parameter), action: .editVanguardProfile, scope: .vanguard(parameter: "number"),
        use: EditController.vanguardForm)
    app.on(
        .POST, .editVanguard(.parameter), action: .editVanguardProfile, scope: .vanguard(parameter: "number"),
        use: EditController.saveVanguard)
    app.on(.GET, .map, action: .readPublic, use: PagesController.map)
    app.on(.GET, .national, action: .readPublic, use: DashboardController.national)
    app.on(.GET, .impact, action: .readPublic, use: ImpactController.national)
    app.on(.GET, .impactEstimate(.parameter, .parameter), action: .readPublic, use: ImpactController.estimate)
    app.on(.GET, .metricFramework, action: .readPublic, use: MetricsController.list)
    app.on(.GET, .monitoring, action: .readPublic, caching: .never, use: MonitoringController.scrape)
    app.on(.GET, .formerEditMetric(.parameter), action: .readPublic, use: MetricsController.formerEditAddress)
    app.on(.GET, .editMetric(.parameter), action: .manageMetrics, use: MetricsController.form)
    app.on(.POST, .editMetric(.parameter), action: .manageMetrics, use: MetricsController.save)
    app.on(.GET, .area(.parameter), action: .readPublic, use: PagesController.area)
    app.on(.GET, .areaReturns(.parameter, .parameter), action: .readPublic, use: DashboardController.areaReturns)
    app.on(.GET, .icb(.parameter), action: .readPublic, use: PagesController.icb)
    app.on(.GET, .region(.parameter), action: .readPublic, use: PagesController.region)
    app.on(.GET, .organisations, action: .readPublic, use: PagesController.organisations)
    app.on(.GET, .organisation(.parameter), action: .readPublic, use: PagesController.organisation)
    app.on(
        .GET, .editOrganisation(.parameter), action: .editOrganisation, scope: .organisation(parameter: "slug"),
        use: EditController.organisationForm)
    app.on(
        .POST, .editOrganisation(.parameter), action: .editOrganisation, scope: .organisation(parameter: "slug"),
        use: EditController.saveOrganisation)
    app.on(.GET, .find, action: .readPublic, use: SearchController.find)
    app.on(.GET, .dataSources, action: .readPublic, use: PagesController.dataSources)
    app.on(.GET, .permissions, action: .readPublic, use: AdminController.permissions)
    app.on(.GET, .healthz, action: .readPublic, caching: .never, use: HealthController.health)

    app.on(.GET, .calls, action: .readPublic, use: CallsController.list)
    app.on(.GET, .newCall, action: .manageCalls, use: CallsController.newForm)
    app.on(.POST, .newCall, action: .manageCalls, use: CallsController.create)
    app.on(.GET, .call(.parameter), action: .readPublic, use: CallsController.show)
    app.on(.GET, .editCall(.parameter), action: .manageCalls, use: CallsController.editForm)
    app.on(.POST, .editCall(.parameter), action: .manageCalls, use: CallsController.save)
    app.on(.POST, .startApplication(.parameter), action: .applyToCalls, use: ApplicationsController.start)
    app.on(.GET, .applications, action: .applyToCalls, use: ApplicationsController.mine)
    app.on(.GET, .application(.parameter), action: .applyToCalls, use: ApplicationsController.show)
    app.on(.POST, .application(.parameter), action: .applyToCalls, use: ApplicationsController.save)
    app.on(.POST, .unavailability(.parameter), action: .applyToCalls, use: ApplicationsController.setUnavailability)
    app.on(.GET, .historicalCall, action: .readPublic, use: CallsController.historical)
    app.on(.GET, .assessments, action: .assess, use: AssessmentsController.mine)
    app.on(.POST, .declareConflict, action: .assess, use: AssessmentsController.declare)
    app.on(.GET, .assessment(.parameter), action: .assess, use: AssessmentsController.show)
    app.on(.POST, .assessment(.parameter), action: .assess, use: AssessmentsController.score)
    app.on(.GET, .selectionBoard(.parameter), action: .manageCalls, use: SelectionController.board)
    app.on(.POST, .assignAssessors(.parameter), action: .manageCalls, use: SelectionController.assign)
    app.on(.GET, .applicationAssessment(.parameter), action: .manageCalls, use: SelectionController.application)
    app.on(.POST, .addAssessor(.parameter), action: .manageCalls, use: SelectionController.addAssessor)
    app.on(.POST, .removeAssessor(.parameter), action: .manageCalls, use: SelectionController.removeAssessor)
    app.on(.POST, .moderate(.parameter), action: .manageCalls, use: SelectionController.moderate)
    app.on(.POST, .shortlist(.parameter), action: .manageCalls, use: SelectionController.shortlist)
    app.on(.POST, .decide(.parameter), action: .manageCalls, use: SelectionController.decide)
    app.on(.GET, .presentations(.parameter), action: .manageCalls, use: PresentationsController.show)
    app.on(.POST, .presentations(.parameter), action: .manageCalls, use: PresentationsController.save)
    app.on(.POST, .publishPresentations(.parameter), action: .manageCalls, use: PresentationsController.publish)

    app.on(.GET, .funding, action: .readPublic, use: FundingController.rounds)
    app.on(.GET, .newFundingRound, action: .manageFunding, use: FundingController.newForm)
    app.on(.POST, .newFundingRound, action: .manageFunding, use: FundingController.create)
    app.on(.GET, .fundingRound(.parameter), action: .readPublic, use: FundingController.round)
    app.on(.POST, .startFundingPlan(.parameter), action: .draftFundingPlans, use: FundingController.startPlan)
    app.on(.GET, .fundingPlan(.parameter), action: .readPublic, use: FundingPlanController.show)
    app.on(.POST, .fundingPlan(.parameter), action: .draftFundingPlans, use: FundingPlanController.revise)
    app.on(.POST, .signFundingPlan(.parameter), action: .signFundingPlans, use: FundingPlanController.sign)
    app.on(.POST, .confirmPlanPartners(.parameter), action: .manageFunding, use: FundingPlanController.confirmPartners)
    app.on(.POST, .allocateFunding(.parameter), action: .manageFunding, use: FundingPlanController.allocate)
    app.on(.POST, .releaseTranche(.parameter), action: .manageFunding, use: FundingPlanController.release)
    app.on(.POST, .reverseLedgerEntry(.parameter), action: .manageFunding, use: FundingPlanController.reverse)
    app.on(.POST, .fundingSpend(.parameter), action: .draftFundingPlans, use: FundingPlanController.spend)

    app.on(.GET, .learning(.home), action: .readPublic, use: LearningController.home)
    app.on(.GET, .learning(.feed), action: .readPublic, use: FeedsController.all)
    app.on(.GET, .learning(.newPost), action: .writePosts, use: PostsController.newForm)
    app.on(.POST, .learning(.newPost), action: .writePosts, use: PostsController.create)
    app.on(.GET, .learning(.post(.parameter)), action: .readPublic, use: PostsController.show)
    app.on(.GET, .learning(.revisions(.parameter)), action: .readPublic, use: PostsController.revisions)
    app.on(.GET, .learning(.editPost(.parameter)), action: .writePosts, use: PostsController.editForm)
    app.on(.POST, .learning(.editPost(.parameter)), action: .writePosts, use: PostsController.save)
    app.on(.POST, .learning(.deletePost(.parameter)), action: .writePosts, use: PostsController.delete)
    app.on(.POST, .learning(.comments(.parameter)), action: .comment, use: CommentsController.add)
    app.on(.POST, .learning(.editComment(.parameter)), action: .comment, use: CommentsController.edit)
    app.on(.POST, .learning(.flagComment(.parameter)), action: .comment, use: CommentsController.flag)
    app.on(.POST, .learning(.moderateComment(.parameter)), action: .moderateLearning, use: CommentsController.moderate)
    app.on(.GET, .learning(.moderation), action: .moderateLearning, use: CommentsController.queue)
    app.on(.POST, .learning(.blockedWords), action: .moderateLearning, use: CommentsController.blockWord)
    app.on(.POST, .learning(.unblockWord(.parameter)), action: .moderateLearning, use: CommentsController.unblockWord)
    app.on(.POST, .learning(.newCategory), action: .moderateLearning, use: LearningController.addCategory)
    app.on(.GET, .learning(.category(.parameter)), action: .readPublic, use: LearningController.category)
    app.on(.GET, .learning(.categoryFeed(.parameter)), action: .readPublic, use: FeedsController.category)
    app.on(.GET, .learning(.careModel(.parameter)), action: .readPublic, use: LearningController.careModel)
    app.on(.GET, .learning(.careModelFeed(.parameter)), action: .readPublic, use: FeedsController.careModel)
    app.on(.GET, .learning(.tag(.parameter)), action: .readPublic, use: LearningController.tag)
    app.on(.GET, .learning(.vanguardFeed(.parameter)), action: .readPublic, use: FeedsController.vanguard)
    app.on(.GET, .learning(.unsubscribe(.parameter)), action: .readPublic, caching: .never, use: SubscriptionsController.unsubscribeForm)
    app.on(.POST, .learning(.unsubscribe(.parameter)), action: .readPublic, use: SubscriptionsController.unsubscribe)
    app.on(
        .POST, .learning(.unsubscribeOneClick(.parameter)), action: .readPublic, formProof: .secretInAddress,
        use: SubscriptionsController.unsubscribeOneClick)
    app.on(.POST, .learning(.sendDigests), action: .moderateLearning, use: SubscriptionsController.sendDue)
    app.on(.GET, .search, action: .readPublic, use: SearchController.page)
    app.on(.GET, .learning(.events), action: .readPublic, use: EventsController.list)
    app.on(.GET, .learning(.eventsCalendar), action: .readPublic, use: EventsController.calendar)
    app.on(.GET, .learning(.newEvent), action: .writePosts, use: EventsController.newForm)
    app.on(.POST, .learning(.newEvent), action: .writePosts, use: EventsController.create)
    app.on(.GET, .learning(.event(.parameter)), action: .readPublic, use: EventsController.show)
    app.on(.GET, .learning(.editEvent(.parameter)), action: .writePosts, use: EventsController.editForm)
    app.on(.POST, .learning(.editEvent(.parameter)), action: .writePosts, use: EventsController.update)
    app.on(.POST, .learning(.eventSignUp(.parameter)), action: .takePart, use: EventsController.signUp)
    app.on(.POST, .learning(.eventCancel(.parameter)), action: .takePart, use: EventsController.cancel)
    app.on(.GET, .learning(.innovations), action: .readPublic, use: InnovationsController.list)
    app.on(.POST, .learning(.innovations), action: .writePosts, use: InnovationsController.add)
    app.on(.GET, .learning(.innovation(.parameter)), action: .readPublic, use: InnovationsController.show)
    app.on(.POST, .learning(.adoptions(.parameter)), action: .takePart, use: InnovationsController.recordAdoption)
    app.on(.POST, .learning(.images), action: .writePosts, body: .image, use: ImagesController.upload)
    app.on(.GET, .learning(.image(.parameter)), action: .readPublic, use: ImagesController.show)

    app.on(.GET, .uploadReturns, action: .submitReturns, use: ReturnsController.uploadForm)
    app.on(.POST, .uploadReturns, action: .submitReturns, body: .returnsFile, use: ReturnsController.upload)
    app.on(.GET, .providerLookup, action: .manageLookups, use: ProviderLookupController.list)
    app.on(.POST, .providerLookup, action: .manageLookups, use: ProviderLookupController.save)
    app.on(.POST, .removeProvider(.parameter), action: .manageLookups, use: ProviderLookupController.remove)

    app.on(.GET, .signUp, action: .useAccountForms, use: AccountController.signUpForm)
    app.on(.POST, .signUp, action: .useAccountForms, use: AccountController.signUp)
    app.on(.GET, .confirmEmail, action: .useAccountForms, use: AccountController.confirm)
    app.on(.GET, .signIn, action: .useAccountForms, use: AccountController.signInForm)
    app.on(.POST, .signIn, action: .useAccountForms, use: AccountController.signIn)
    app.on(.POST, .signOut, action: .useAccountForms, use: AccountController.signOut)
    app.on(.GET, .resetRequest, action: .useAccountForms, use: AccountController.resetRequestForm)
    app.on(.POST, .resetRequest, action: .useAccountForms, use: AccountController.resetRequest)
    app.on(.GET, .resetPassword(.parameter), action: .useAccountForms, use: AccountController.resetPasswordForm)
    app.on(.POST, .resetPassword(.parameter), action: .useAccountForms, use: AccountController.resetPassword)
    app.on(.GET, .account, action: .useOwnAccount, use: AccountController.account)
    app.on(.POST, .changePassword, action: .useOwnAccount, use: AccountController.changePassword)
    app.on(.GET, .learning(.subscriptions), action: .useOwnAccount, use: SubscriptionsController.list)
    app.on(.POST, .learning(.subscriptions), action: .useOwnAccount, use: SubscriptionsController.subscribe)
    app.on(.POST, .learning(.cancelSubscription(.parameter)), action: .useOwnAccount, use: SubscriptionsController.cancel)
    app.on(.GET, .tokens, action: .manageTokens, use: AccountController.tokens)
    app.on(.POST, .tokens, action: .manageTokens, use: AccountController.createToken)
    app.on(.POST, .revokeToken(.parameter), action: .manageTokens, use: AccountController.revokeToken)

    app.on(.GET, .adminUsers, action: .manageAccounts, use: AdminController.users)
    app.on(.GET, .adminUser(.parameter), action: .manageAccounts, use: AdminController.user)
    app.on(.POST, .adminUserRoles(.parameter), action: .manageAccounts, use: AdminController.addRole)
    app.on(.POST, .adminRevokeRole(.parameter, .parameter), action: .manageAccounts, use: AdminController.revokeRole)
    app.on(.GET, .adminTokens, action: .manageAccounts, use: AdminController.tokens)
    app.on(.POST, .adminRevokeToken(.parameter), action: .manageAccounts, use: AdminController.revokeToken)
    app.on(.GET, .audit, action: .viewAuditLog, use: AdminController.audit)
    app.on(.GET, .outbox, action: .viewOutbox, use: AdminController.outbox)
    app.on(.GET, .jobs, action: .operateJobs, use: AdminController.jobs)
    app.on(.POST, .retryJob(.parameter), action: .operateJobs, use: AdminController.retryJob)

    app.on(.GET, .api(.openAPI), action: .readPublic, use: APIController.openAPI)
    app.on(.GET, .api(.vanguards), action: .readPublic, use: APIController.vanguards)
    app.on(.GET, .api(.vanguard(.parameter)), action: .readPublic, use: APIController.vanguard)
    app.on(
        .PATCH, .api(.vanguard(.parameter)), action: .editVanguardProfile, scope: .vanguard(parameter: "number"),
        use: EditController.patchVanguard)
    app.on(.GET, .api(.rebases(.parameter)), action: .readPublic, use: RebaseController.list)
    app.on(.POST, .api(.rebases(.parameter)), action: .manageMetrics, use: RebaseController.create)
    app.on(.DELETE, .api(.rebase(.parameter, .parameter, .parameter)), action: .manageMetrics, use: RebaseController.delete)
    app.on(.GET, .api(.impact), action: .readPublic, use: ImpactController.apiList)
    app.on(.GET, .api(.impactWaves), action: .readPublic, use: ImpactController.apiWaves)
    app.on(.GET, .api(.impactEstimate(.parameter, .parameter)), action: .readPublic, use: ImpactController.apiEstimate)
    app.on(.GET, .api(.metrics), action: .readPublic, use: MetricsController.apiList)
    app.on(.GET, .api(.metric(.parameter)), action: .readPublic, use: MetricsController.apiShow)
    app.on(.PUT, .api(.metric(.parameter)), action: .manageMetrics, use: MetricsController.apiUpdate)
    app.on(.GET, .api(.fundingRounds), action: .readPublic, use: FundingAPIController.rounds)
    app.on(.GET, .api(.fundingRound(.parameter)), action: .readPublic, use: FundingAPIController.round)
    app.on(.POST, .api(.fundingAllocation(.parameter)), action: .manageFunding, use: FundingAPIController.allocate)
    app.on(.GET, .api(.search), action: .readPublic, use: SearchController.api)
    app.on(.GET, .api(.calls), action: .readPublic, use: ReadingAPIController.calls)
    app.on(.GET, .api(.call(.parameter)), action: .readPublic, use: ReadingAPIController.call)
    app.on(.GET, .api(.posts), action: .readPublic, use: ReadingAPIController.posts)
    app.on(.GET, .api(.post(.parameter)), action: .readPublic, use: ReadingAPIController.post)
    app.on(.GET, .api(.events), action: .readPublic, use: ReadingAPIController.events)
    app.on(.GET, .api(.innovations), action: .readPublic, use: ReadingAPIController.innovations)
    app.on(.GET, .api(.innovation(.parameter)), action: .readPublic, use: ReadingAPIController.innovation)
    app.on(.GET, .api(.evaluations(.parameter)), action: .readPublic, use: ReadingAPIController.evaluations)
    app.on(.GET, .api(.areas), action: .readPublic, use: APIController.areas)
    app.on(.GET, .api(.area(.parameter)), action: .readPublic, use: APIController.area)
    app.on(.GET, .api(.organisations), action: .readPublic, use: APIController.organisations)
    app.on(.GET, .api(.organisation(.parameter)), action: .readPublic, use: APIController.organisation)
    app.on(.POST, .api(.spc), action: .readPublic, use: SPCController.chart)
    app.on(.POST, .api(.returns), action: .submitReturns, body: .returnsFile, use: ReturnsController.submitAPI)
}

extension Request {
    /// A path parameter the route guarantees exists.
    func pathParameter(_ name: String) -> String {
        parameters.get(name) ?? ""
    }

    /// A query-string value, nil when absent.
    func queryValue(_ name: String) -> String? {
        try? query.get(String.self, at: name)
    }
}

extension HTML {
    /// The page as a response with the HTML content type.
    func response(status: HTTPResponseStatus = .ok) -> Response {
        let response = Response(status: status, body: .init(string: render()))
        response.headers.contentType = .html
        return response
    }
}
