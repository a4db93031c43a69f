namespace Clusterpact.Domain.Members;

public enum OrganisationKind { Company, KnowledgeInstitution, GovernmentBody, CivilSociety }

public enum MembershipRole { Member, BoardMember, FoundingMember }

/// <summary>Enterprise size by Recommendation 2003/361/EC.</summary>
public enum SizeClass { Micro, Small, Medium, Large }
