namespace Clusterpact.Web.Resources;

/// <summary>Marker for the one set of UI strings: SharedResource.resx (Dutch, the default) and SharedResource.en.resx.</summary>
public sealed class SharedResource;
