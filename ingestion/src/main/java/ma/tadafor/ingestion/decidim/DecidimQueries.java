package ma.tadafor.ingestion.decidim;

/**
 * The GraphQL queries, written against Decidim's type definitions (docs/DECIDIM.md names the
 * version): the root's {@code participatoryProcesses}, {@code assemblies} and {@code component(id:)},
 * the components {@code Proposals}, {@code Meetings} and {@code Budgets}, and their connections.
 */
final class DecidimQueries {

    /** Whether this instance's proposal filter offers {@code updatedSince} (HasTimestampInputFilter). */
    static final String PROPOSAL_FILTER = """
            query ProposalFilter { __type(name: "ProposalFilter") { inputFields { name } } }""";

    static final String SPACES = """
            query Spaces {
              participatoryProcesses { id components { id __typename } }
              assemblies { id components { id __typename } }
            }""";

    private static final String TRANSLATIONS = "{ translations { locale text } }";

    static String proposals(boolean updatedSinceFilter) {
        String filter = updatedSinceFilter ? ", filter: {updatedSince: $since}" : "";
        String since = updatedSinceFilter ? ", $since: String" : "";
        return """
                query Proposals($component: ID!, $first: Int!, $after: String%s) {
                  component(id: $component) {
                    ... on Proposals {
                      proposals(first: $first, after: $after%s) {
                        pageInfo { hasNextPage endCursor }
                        nodes { id state voteCount answeredAt publishedAt updatedAt official withdrawn title %s }
                      }
                    }
                  }
                }""".formatted(since, filter, TRANSLATIONS);
    }

    static final String MEETINGS = """
            query Meetings($component: ID!, $first: Int!, $after: String) {
              component(id: $component) {
                ... on Meetings {
                  meetings(first: $first, after: $after) {
                    pageInfo { hasNextPage endCursor }
                    nodes { id startTime endTime updatedAt closed withdrawn attendeeCount attendingOrganizations
                            title %1$s closingReport %1$s }
                  }
                }
              }
            }""".formatted(TRANSLATIONS);

    static final String BUDGETS = """
            query Budgets($component: ID!, $first: Int!, $after: String) {
              component(id: $component) {
                ... on Budgets {
                  budgets(first: $first, after: $after) {
                    pageInfo { hasNextPage endCursor }
                    nodes { id createdAt updatedAt title %1$s
                            projects { id selected budget_amount updatedAt title %1$s } }
                  }
                }
              }
            }""".formatted(TRANSLATIONS);

    private DecidimQueries() {
    }
}
