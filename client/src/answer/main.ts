// Entry of the survey answering pages (/survey/… and /khao-sat/…).
import './survey-app.js';
