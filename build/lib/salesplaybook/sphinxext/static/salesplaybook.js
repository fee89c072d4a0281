// Printing: a closed dropdown would print as its title only, so open every one for the print and
// close again the ones the reader had closed; label each tab's text with its tab's name.
(() => {
  let reopened = [];
  window.addEventListener("beforeprint", () => {
    reopened = [...document.querySelectorAll("details:not([open])")];
    reopened.forEach((d) => { d.open = true; });
    document.querySelectorAll(".sd-tab-set > label").forEach((label) => {
      const panel = label.nextElementSibling;
      if (panel) panel.dataset.spbTabLabel = label.textContent.trim();
    });
  });
  window.addEventListener("afterprint", () => {
    reopened.forEach((d) => { d.open = false; });
    reopened = [];
  });
})();
