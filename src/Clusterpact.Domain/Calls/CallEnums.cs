namespace Clusterpact.Domain.Calls;

/// <summary>
/// What a call selects. SpearheadCluster and InnovativeBusinessNetwork are the two cluster types of the clusterbesluit
/// (4 March 2016); ThematicProject is the project-based open call on new strategic themes that VARIO recommends
/// (advice on the green paper, May 2024, recommendation 4): working funds for a limited time, no new organisation.
/// </summary>
public enum CallKind { SpearheadCluster, InnovativeBusinessNetwork, ThematicProject }

/// <summary>Draft (the agency prepares it) -> Published (applicants see it; open between its opening and closing instants) -> Closed -> Decided.</summary>
public enum CallStatus { Draft, Published, Closed, Decided }

/// <summary>Who looks at an application: the anonymisation setting of a call hides the applicant from experts only.</summary>
public enum Audience { Agency, Expert }
