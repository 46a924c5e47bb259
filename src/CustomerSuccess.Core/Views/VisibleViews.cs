using System.Collections.Generic;

namespace CustomerSuccess.Core.Views;

/// <summary>What one user sees of a view catalogue.</summary>
/// <param name="Views">Every view shared with Everyone and the user's own private views, in creation order (rule 9).</param>
/// <param name="DefaultViews">The default views in display order (rule 36); all shared with Everyone.</param>
public sealed record VisibleViews(IReadOnlyList<View> Views, IReadOnlyList<View> DefaultViews);
