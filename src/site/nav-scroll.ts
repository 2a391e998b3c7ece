/**
 * On a phone the navigation is one row that scrolls sideways (site.css): this inline script, right after its list,
 * scrolls the page's own link to the row's middle before the page is shown, so the Data quality page does not open
 * with its link out of sight. Where the row fits (a laptop), or without scripts, it does nothing.
 */
export const NAV_SCRIPT =
  '(function(){var u=document.currentScript.previousElementSibling,a=u&&u.querySelector("[aria-current]");if(a&&u.scrollWidth>u.clientWidth)u.scrollLeft=a.offsetLeft-(u.clientWidth-a.offsetWidth)/2;})();';
