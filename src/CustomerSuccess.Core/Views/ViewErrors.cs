using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CustomerSuccess.Core.Filters;

namespace CustomerSuccess.Core.Views;

/// <summary>The errors of views, view catalogues and filters; every code is stable.</summary>
public static class ViewErrors
{
    /// <summary>A filter names an unknown property, an operator the property's type does not accept, or a value of the
    /// wrong type or count; <see cref="DomainError.Details"/> lists every problem, each naming the property and operator.</summary>
    public const string FilterInvalidCode = "view.filter_invalid";

    /// <summary>A sort names an unknown property or one that cannot be sorted.</summary>
    public const string SortInvalidCode = "view.sort_invalid";

    /// <summary>No view with that id is visible to the actor (a private view of someone else is reported the same way,
    /// so its existence is not disclosed, rule 9).</summary>
    public const string NotFoundCode = "view.not_found";

    /// <summary>A built-in view cannot be edited (rule 47).</summary>
    public const string BuiltInNotEditableCode = "view.builtin_not_editable";

    /// <summary>Deleting a view needs the explicit confirmation phrase (rule 48).</summary>
    public const string DeleteNotConfirmedCode = "view.delete_not_confirmed";

    /// <summary>There are already <see cref="ViewCatalog.MaxDefaultViews"/> default views (rule 36).</summary>
    public const string DefaultLimitReachedCode = "view.default_limit_reached";

    /// <summary>Only views shared with Everyone can be default (rule 44).</summary>
    public const string DefaultRequiresEveryoneCode = "view.default_requires_everyone";

    /// <summary>Setting a view as default needs a description (rule 46).</summary>
    public const string DefaultRequiresDescriptionCode = "view.default_requires_description";

    /// <summary>A default view cannot be made Private; unset it as default first (rule 44, library choice).</summary>
    public const string DefaultCannotBePrivateCode = "view.default_cannot_be_private";

    /// <summary>A new default order is not a permutation of the current default views (rule 36).</summary>
    public const string DefaultOrderInvalidCode = "view.default_order_invalid";

    /// <summary>A view name is blank or too long.</summary>
    public const string NameInvalidCode = "view.name_invalid";

    /// <summary>A default-view description is too long.</summary>
    public const string DescriptionInvalidCode = "view.description_invalid";

    /// <summary>The columns are blank, repeated, too many, or not properties of the tab's records (rule 45).</summary>
    public const string ColumnsInvalidCode = "view.columns_invalid";

    internal static DomainError FilterProblem(string property, FilterOperator op, string reason) => new(
        FilterInvalidCode,
        string.Format(CultureInfo.InvariantCulture, "The condition '{0} {1}' is not valid: {2}", property, op, reason),
        property);

    internal static DomainError FilterInvalid(IReadOnlyList<DomainError> problems)
    {
        var first = problems[0];
        var message = problems.Count == 1
            ? first.Message
            : string.Format(CultureInfo.InvariantCulture, "{0} (and {1} more problem(s) in this filter)", first.Message, problems.Count - 1);
        return new DomainError(FilterInvalidCode, message, first.Target, problems.Count == 1 ? null : problems.ToArray());
    }

    internal static DomainError FilterStructure(string reason) => new(
        FilterInvalidCode,
        string.Format(CultureInfo.InvariantCulture, "The filter is not valid: {0}", reason));

    internal static DomainError SortInvalid(string property, string reason) => new(
        SortInvalidCode,
        string.Format(CultureInfo.InvariantCulture, "The view cannot be sorted by '{0}': {1}", property, reason),
        property);

    internal static DomainError NotFound(ViewId id) => new(
        NotFoundCode,
        string.Format(CultureInfo.InvariantCulture, "There is no view {0} that you can see in this tab.", id),
        id.ToString());

    internal static DomainError BuiltInNotEditable(string name) => new(
        BuiltInNotEditableCode,
        string.Format(CultureInfo.InvariantCulture, "'{0}' is a HubSpot default view: it cannot be edited, only deleted.", name),
        name);

    internal static DomainError DeleteNotConfirmed(string name) => new(
        DeleteNotConfirmedCode,
        string.Format(CultureInfo.InvariantCulture, "To delete the view '{0}', confirm with \"{1}\".", name, ViewCatalog.DeleteConfirmationPhrase),
        name);

    internal static DomainError DefaultLimitReached(string name) => new(
        DefaultLimitReachedCode,
        string.Format(CultureInfo.InvariantCulture, "'{0}' cannot be set as default: there are already {1} default views. Unset one first.", name, ViewCatalog.MaxDefaultViews),
        name);

    internal static DomainError DefaultRequiresEveryone(string name) => new(
        DefaultRequiresEveryoneCode,
        string.Format(CultureInfo.InvariantCulture, "'{0}' is private: only views shared with Everyone can be default views.", name),
        name);

    internal static DomainError DefaultRequiresDescription(string name) => new(
        DefaultRequiresDescriptionCode,
        string.Format(CultureInfo.InvariantCulture, "Setting '{0}' as a default view needs a description for its Summary card.", name),
        name);

    internal static DomainError DefaultCannotBePrivate(string name) => new(
        DefaultCannotBePrivateCode,
        string.Format(CultureInfo.InvariantCulture, "'{0}' is a default view, so it must stay shared with Everyone. Unset it as default before making it private.", name),
        name);

    internal static DomainError DefaultOrderInvalid(int expected) => new(
        DefaultOrderInvalidCode,
        string.Format(CultureInfo.InvariantCulture, "The new order must list each of the {0} default views exactly once.", expected));

    internal static DomainError NameInvalid(int maxLength) => new(
        NameInvalidCode,
        string.Format(CultureInfo.InvariantCulture, "A view needs a name of 1 to {0} characters.", maxLength));

    internal static DomainError DescriptionInvalid(int maxLength) => new(
        DescriptionInvalidCode,
        string.Format(CultureInfo.InvariantCulture, "A default-view description can have at most {0} characters.", maxLength));

    internal static DomainError ColumnsInvalid(string reason) => new(
        ColumnsInvalidCode,
        string.Format(CultureInfo.InvariantCulture, "The view's columns are not valid: {0}", reason));
}
