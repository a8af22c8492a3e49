import FluentKit

/// Every migration, in the order it must run. Add new ones at the end, never reorder.
public enum VanguardMigrations {
    public static var all: [any Migration] {
        [
            Migration0001CreateAreas(),
            Migration0002CreateVanguards(),
            Migration0003CreateAccounts(),
            Migration0004CreateReturns(),
            Migration0005CreateEvaluations(),
            Migration0006CreateRebasePoints(),
            Migration0007ProgrammeTokens(),
            Migration0008CreateProviderAreas(),
            Migration0009CreateImpactEstimates(),
            Migration0010CreateCallsAndApplications(),
            Migration0011CreateAssessment(),
            Migration0012CreateFunding(),
            Migration0013CreateLearning(),
            Migration0014CreateSearchIndex(),
            Migration0015CreateEventsAndInnovations(),
            Migration0016CreateBlockedWords(),
            Migration0017SecurityHardening(),
            Migration0018RenderMarkdownOnSave(),
            Migration0019ConfirmedPartners(),
            Migration0020AreaLocalAuthorities(),
            Migration0021MetricCharts(),
            Migration0022AdoptionAreaChanges(),
            Migration0024CreateJobs(),
            Migration0025ListUnsubscribe(),
            Migration0026ContentVersion(),
            Migration0027CreateWaveImpactEstimates(),
            Migration0029ReturnValuesKeyedByWhatTheyAre(),
            Migration0030ReturnValueReferencesPerStatement(),
            // Data migrations that read through today's models come after every column they read.
            Migration0023RefitImpactEstimates(),
            Migration0028RefitImpactEstimates(),
        ]
    }
}
