import './components/app-shell.js';
