// Scalar's page (the API reference at /scalar) is written in English but its <html> says no language; screen readers
// need it to pronounce the page (WCAG 3.1.1). Loaded from the page's head through ApiDocuments.cs.
document.documentElement.lang = 'en';
