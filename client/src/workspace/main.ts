// Entry of the analyst workspace (/admin/…).
import './app.js';
