// Progressive enhancement only: every page works without this file.
import { initAll } from '/assets/vendor/nhsuk-frontend.min.js'

document.body.classList.add('js-enabled')
initAll()
