/*
 * The progress meeting sheet's print button: kept out of the page so that a strict Content-Security-Policy can forbid
 * inline scripts and handlers. The print stylesheet (rectiflow.css, "meeting sheet") decides what goes on paper.
 */
(function () {
	'use strict';

	document.querySelectorAll('[data-print]').forEach(function (button) {
		button.addEventListener('click', function () {
			window.print();
		});
	});
})();
