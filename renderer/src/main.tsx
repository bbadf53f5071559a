import { StrictMode } from 'react';
import 'antd/dist/antd.css';
import { App } from './app/App.tsx';
import './app/app.css';
import { mountApp } from './first-screen/mount.tsx';

await mountApp(
  document.getElementById('root')!,
  <StrictMode>
    <App />
  </StrictMode>,
);
