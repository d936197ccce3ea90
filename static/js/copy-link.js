// Progressive enhancement for "copy this link": without JavaScript the field is selectable
// and the page says how to copy it; with it, a button copies the link in one step.
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("[data-copy-target]")) {
    const field = document.getElementById(button.dataset.copyTarget);
    const status = button.parentElement.querySelector("[role=status]");
    if (!field || !navigator.clipboard) continue;
    button.hidden = false;
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(field.value);
        if (status) status.textContent = button.dataset.copiedText;
      } catch {
        field.select();
      }
    });
    field.addEventListener("focus", () => field.select());
  }
});
