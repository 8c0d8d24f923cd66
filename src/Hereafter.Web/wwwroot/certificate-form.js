// The certificate form (Modules/Certificates/Features/IssueCertificate): a valid resident ID number states the birth
// date and sex (GB 11643), so they are filled in when the certifier left them empty; the server does the same for a
// browser without script. After 修改 on the 请核对 step, the section named in the address takes focus.
(function () {
    var weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    var checks = '10X98765432';

    function read(number) {
        var id = (number || '').trim().toUpperCase();
        if (!/^\d{17}[\dX]$/.test(id)) return null;
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (id.charCodeAt(i) - 48) * weights[i];
        if (checks.charAt(sum % 11) !== id.charAt(17)) return null;
        var y = +id.substr(6, 4), m = +id.substr(10, 2), d = +id.substr(12, 2);
        var date = new Date(Date.UTC(y, m - 1, d));
        if (y < 1880 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || date > new Date()) return null;
        return { birthDate: id.substr(6, 4) + '-' + id.substr(10, 2) + '-' + id.substr(12, 2), sex: (+id.charAt(16)) % 2 === 1 ? '1' : '2' };
    }

    // A field is ours to fill when it is empty or still holds what we filled from an earlier number.
    function fill(field, value) {
        if (!field) return;
        if (field.value === '' || (field.dataset.fromId && field.value === field.dataset.fromId)) {
            field.value = value;
            field.dataset.fromId = value;
            field.dispatchEvent(new Event('change', { bubbles: true }));
        }
    }

    function onIdNumber(e) {
        if (!(e.target instanceof Element) || e.target.id !== 'decedent-idNumber') return;
        var type = document.getElementById('decedent-idType');
        if (type && type.value !== '1') return;
        var found = read(e.target.value);
        if (!found) return;
        fill(document.getElementById('decedent-birthDate'), found.birthDate);
        fill(document.getElementById('decedent-sex'), found.sex);
    }
    document.addEventListener('input', onIdNumber);
    document.addEventListener('change', onIdNumber);

    function focusSection() {
        var section = location.hash && location.hash.indexOf('#section-') === 0 ? document.getElementById(location.hash.substr(1)) : null;
        if (!section || document.querySelector('[data-error-summary]')) return;
        var field = section.querySelector('input:not([type=hidden]), select, textarea');
        section.scrollIntoView({ block: 'start' });
        if (field) field.focus({ preventScroll: true });
    }
    window.addEventListener('load', function () { setTimeout(focusSection, 0); });
})();
