import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Initialised before any component renders so the first paint is already in the remembered language.
import './i18n/index.js';
import { App } from './App.js';
import { adoptPathnameRoute } from './navigation.js';

adoptPathnameRoute();

const container = document.getElementById('root');
if (!container) throw new Error('index.html is missing #root');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
