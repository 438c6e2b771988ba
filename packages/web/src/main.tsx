import { Route, Router } from '@solidjs/router';
import { For } from 'solid-js';
import { render } from 'solid-js/web';
import { App } from './App.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { TABS } from './routes.tsx';
import { connection } from './stores/connection.ts';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

connection.start();

render(
  () => (
    <Router root={App}>
      <For each={TABS}>{(tab) => <Route path={tab.path} component={tab.page} />}</For>
      <Route path="*" component={NotFoundPage} />
    </Router>
  ),
  root,
);
