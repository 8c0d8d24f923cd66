// The error summary (Components/Forms/ErrorSummary.razor) takes focus when the page shows it, so a screen reader reads
// it and a phone user sees it, instead of the focus going to the page title (FocusOnNavigate). Its links move focus to
// their field and bring the field's label into view, as the GOV.UK error summary does.
(function () {
    function focusSummary() {
        var summary = document.querySelector('[data-error-summary]');
        if (summary) { summary.focus(); summary.scrollIntoView({ block: 'start' }); }
    }
    document.addEventListener('click', function (e) {
        var link = e.target instanceof Element ? e.target.closest('.error-summary a[data-field]') : null;
        if (!link) return;
        var target = document.getElementById(link.getAttribute('data-field'));
        if (!target) return;
        e.preventDefault();
        e.stopPropagation();
        if (!target.matches('input, select, textarea, button, a[href]')) target.setAttribute('tabindex', '-1');
        var field = target.closest('.form-field, .field, fieldset') || target;
        field.scrollIntoView({ block: 'start' });
        target.focus({ preventScroll: true });
    }, true);
    // After blazor.web.js has applied FocusOnNavigate on this load (or an enhanced navigation).
    window.addEventListener('load', function () { setTimeout(focusSummary, 0); });
    if (window.Blazor && window.Blazor.addEventListener) window.Blazor.addEventListener('enhancedload', function () { setTimeout(focusSummary, 0); });
})();
